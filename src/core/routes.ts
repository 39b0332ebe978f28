// Maps method + raw path to a catalog operation. A static segment beats a placeholder, so
// /admin/v1/users/enroll or /bulk_create is never read as a user id; placeholders are percent-decoded
// only after matching, so an id like `..%2Fgroups` stays one segment and cannot reach another route.
import {type CatalogOperation, operations} from './catalog/index.js'

export interface Route {
  operation: CatalogOperation
  pathParams: Record<string, string>
}

export type RouteMatch =
  | {kind: 'found'; route: Route}
  | {kind: 'method-not-allowed'; allowed: string[]}
  | {kind: 'not-found'}

interface Template {
  /** A static segment, or null for a placeholder (its name is in `names`). */
  segments: Array<null | string>
  names: string[]
  byMethod: Map<string, CatalogOperation>
}

const byPath = new Map<string, Template>()
for (const operation of operations) {
  let template = byPath.get(operation.path)
  if (!template) {
    const parts = operation.path.split('/')
    template = {
      byMethod: new Map(),
      names: parts.filter((p) => p.startsWith('{')).map((p) => p.slice(1, -1)),
      segments: parts.map((p) => (p.startsWith('{') ? null : p)),
    }
    byPath.set(operation.path, template)
  }

  template.byMethod.set(operation.method, operation)
}

const templates = [...byPath.values()]

export function matchRoute(method: string, rawPath: string): RouteMatch {
  const parts = rawPath.split('/')
  let best: Template | undefined
  for (const template of templates) {
    if (fits(template, parts) && (!best || moreStatic(template, best))) best = template
  }

  if (!best) return {kind: 'not-found'}
  const operation = best.byMethod.get(method.toUpperCase())
  if (!operation) return {allowed: [...best.byMethod.keys()], kind: 'method-not-allowed'}
  const values = parts.filter((_, i) => best.segments[i] === null).map(decodeSegment)
  if (values.includes(undefined)) return {kind: 'not-found'}
  return {kind: 'found', route: {operation, pathParams: Object.fromEntries(best.names.map((name, i) => [name, values[i]!]))}}
}

function fits(template: Template, parts: string[]): boolean {
  return (
    template.segments.length === parts.length &&
    template.segments.every((segment, i) => (segment === null ? parts[i] !== '' : segment === parts[i]))
  )
}

/** At the first position where one is static and the other a placeholder, the static one wins. */
function moreStatic(a: Template, b: Template): boolean {
  for (let i = 0; i < a.segments.length; i++) {
    const aStatic = a.segments[i] !== null
    if (aStatic !== (b.segments[i] !== null)) return aStatic
  }

  return false
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

// Ids and paths that would change meaning on the wire. A URL parser (Node's, a proxy's, Duo's
// front end) collapses `.` and `..` segments, `%2e` included, so an id of `..` turns
// DELETE /admin/v1/users/DU…/phones/.. into DELETE /admin/v1/users/DU…/ (the user itself). They are
// refused before anything is sent: every surface's calls go through prepareCall, and `duo api`
// checks its path here too.

/** Why `value` cannot be a path parameter, or undefined when it is safe as one segment. */
export function pathValueProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return 'is required'
  if (value === '.' || value === '..') return `cannot be "${value}" (it would address another path)`
  return undefined
}

/** Why `path` is not a plain absolute path that every URL parser leaves as it is, or undefined. */
export function plainPathProblem(path: string): string | undefined {
  if (!path.startsWith('/') || path.startsWith('//')) return 'must be an absolute path such as /admin/v1/users, not a URL or //host'
  if (/[\\#?\s]/.test(path) || [...path].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return 'must not contain a backslash, #, whitespace or control characters'
  const segments = path.slice(1).split('/')
  if (segments.some((s) => /^(\.|%2e){1,2}$/i.test(s))) return 'must not contain "." or ".." segments'
  if (segments.slice(0, -1).includes('')) return 'must not contain empty segments (//)'
  if (new URL(path, 'http://duo.invalid').pathname !== path) return 'would change once normalized by a URL parser'
  return undefined
}

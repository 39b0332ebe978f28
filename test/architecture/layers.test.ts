// The layers of src/ and the directions their imports may take (docs/ARCHITECTURE.md, "Layers").
// Read from the source text, so a forbidden import fails here before review.
import {expect} from 'chai'
import {readFileSync, readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const SRC = fileURLToPath(new URL('../../src/', import.meta.url))

type Layer = 'cli' | 'commands' | 'core' | 'entry' | 'hooks' | 'sandbox' | 'serve' | 'tasks' | 'transport'

/** What each layer may import of ours (itself always). */
const ALLOWED: Record<Layer, Layer[]> = {
  cli: ['core', 'transport', 'tasks', 'serve', 'sandbox'],
  commands: ['core', 'transport', 'tasks', 'serve', 'sandbox', 'cli'],
  core: [],
  entry: ['core', 'cli'],
  hooks: ['core', 'cli'],
  sandbox: ['core'],
  serve: ['core', 'transport', 'tasks'],
  tasks: ['core', 'transport'],
  transport: ['core'],
}

/** Packages that know a terminal or oclif: only the CLI layer and commands may load them. */
const TERMINAL_PACKAGES = ['@oclif/', '@inquirer/', 'chalk', 'cli-progress', 'qrcode']
const TERMINAL_FREE: Layer[] = ['core', 'transport', 'tasks', 'serve', 'sandbox']

function layerOf(file: string): Layer {
  const top = path.relative(SRC, file).split(path.sep)[0]
  if (top.endsWith('.ts')) return 'entry'
  return top as Layer
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : []
  })
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"\n]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2])
}

describe('architecture: import directions between layers', () => {
  const files = sourceFiles(SRC)

  it('finds every layer', () => {
    expect(new Set(files.map(layerOf))).to.include.members(['cli', 'commands', 'core', 'sandbox', 'serve', 'tasks', 'transport'])
  })

  it('each layer imports only the layers below it, and nothing imports a command', () => {
    const wrong: string[] = []
    for (const file of files) {
      const from = layerOf(file)
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue
        const to = layerOf(path.resolve(path.dirname(file), spec))
        if (to === from) continue
        if (!ALLOWED[from].includes(to)) wrong.push(`${path.relative(SRC, file)} (${from}) imports ${spec} (${to})`)
      }
    }

    expect(wrong).to.deep.equal([])
  })

  it('only the CLI layer and commands load oclif, prompts, colours, tables or progress bars', () => {
    const wrong: string[] = []
    for (const file of files) {
      if (!TERMINAL_FREE.includes(layerOf(file))) continue
      for (const spec of importsOf(file)) {
        if (TERMINAL_PACKAGES.some((p) => spec === p || spec.startsWith(p))) wrong.push(`${path.relative(SRC, file)} imports ${spec}`)
      }
    }

    expect(wrong).to.deep.equal([])
  })
})

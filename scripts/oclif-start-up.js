// What oclif does on every command without needing it, and how the bundle leaves it out.
//
// Some of oclif's dependencies are needed only off a command's start-up path: help templates (ejs),
// a spinner (cli-spinners), colours (ansis, supports-color; our commands colour through chalk),
// finding commands without a manifest (tinyglobby), the engine check we skip (semver), error
// rendering, oclif's own help code, Node's readline (stdin for a `-` argument) and perf_hooks
// (oclif's own timings). oclif requires them at the top of its modules, so bundled they were parsed
// and run on every command. Each such require becomes a lazy one (a Proxy that requires on the first
// property read); packages only those lazy requires use stay out of the bundle and are resolved from
// oclif's own folder, as oclif would. Where oclif would load one (minimatch, debug) for work that
// cannot matter, an edit skips that work.
//
// Each edit names the oclif file and the text it expects; the build fails when oclif's code no
// longer has it, rather than quietly doing the work again after an upgrade.
import {readFile} from 'node:fs/promises'

/** Per file of @oclif/core: what it requires at the top that a command's start-up never uses. */
const LAZY_IN_OCLIF = {
  'lib/config/config.js': ['ejs'],
  'lib/config/plugin-loader.js': ['minimatch'],
  'lib/config/plugin.js': ['tinyglobby'],
  'lib/errors/errors/cli.js': ['clean-stack', 'indent-string', 'wrap-ansi', '../../screen'],
  'lib/errors/handle.js': ['../help/index'],
  'lib/flags.js': ['./help'],
  'lib/help/util.js': ['ejs'],
  'lib/index.js': ['./help', 'semver'],
  'lib/logger.js': ['debug'],
  'lib/main.js': ['./help'],
  'lib/parser/parse.js': ['node:readline'],
  'lib/performance.js': ['node:perf_hooks'],
  'lib/util/os.js': ['node:child_process'],
  'lib/ux/action/spinner.js': ['ansis', 'cli-spinners'],
  'lib/ux/supports-color.js': ['supports-color'],
  'lib/ux/theme.js': ['ansis'],
}

/** Per file of @oclif/core: text replaced as it is bundled. */
const EDITS_IN_OCLIF = {
  'lib/config/plugin-loader.js': [
    // Each of our dependencies is matched against each `oclif.plugins` entry with minimatch, which
    // compiles the pattern every time. An entry with no glob character can only match itself.
    ['patterns.some((w) => (0, minimatch_1.minimatch)(p, w))', 'patterns.some((w) => (/[*?[\\]{}()!\\\\]/.test(w) ? (0, minimatch_1.minimatch)(p, w) : p === w))'],
  ],
  'lib/config/plugin.js': [
    // The first localeCompare in a process builds ICU's collator: ~10 ms of every command (over 50
    // on a busy machine). Command ids are lowercase words, colons and hyphens, which code-unit
    // order sorts the same (test/architecture/command-ids.test.ts).
    ['.sort((a, b) => a.id.localeCompare(b.id))', '.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))'],
  ],
  'lib/logger.js': [
    // oclif logs through `debug`, which only ever prints when DEBUG is set as the process starts
    // (oclif never enables it later); without it, the logger is a no-op and debug is not loaded.
    ['const debug = (0, debug_1.default)(namespace);', 'const debug = process.env.DEBUG ? (0, debug_1.default)(namespace) : () => {};'],
  ],
  'lib/util/os.js': [
    // Every command asks whether it runs under WSL. wsl-utils answers with is-wsl's answer, but
    // loading it loads child_process and PowerShell helpers too; is-wsl alone is the same answer.
    ["(await import('wsl-utils')).isWsl ? 'wsl'", "(await import('is-wsl')).default ? 'wsl'"],
  ],
}

/**
 * Of the lazily required packages, those no eager require in oclif needs: left out of the bundle and
 * loaded from node_modules through oclif's resolution. The rest stay bundled, only run later.
 */
export const lazyPackages = ['cli-spinners', 'debug', 'ejs', 'minimatch', 'semver', 'tinyglobby']

function makeLazy(text, file, name) {
  const required = lazyPackages.includes(name) ? `__duoOclifRequire(${JSON.stringify(name)})` : `require(${JSON.stringify(name)})`
  const escaped = name.replaceAll('.', '\\.')
  // `const x = require("p");` or `const x = __importDefault(require("p"));` at the top of a module …
  const topLevel = new RegExp(`(?:const|var) (\\w+) = (__importDefault\\()?require\\("${escaped}"\\)\\)?;`)
  const lazy = text.replace(topLevel, (_, id, wrapped) => {
    const load = wrapped ? `__importDefault(${required})` : required
    return `let ${id}$loaded; const ${id} = new Proxy({}, {get: (_, key) => (${id}$loaded ??= ${load})[key]});`
  })
  if (lazy !== text) return lazy
  // … or `require('p')` inside the function that uses it, where only the resolution changes.
  if (text.includes(`require('${name}')`)) return text.replace(`require('${name}')`, required)
  throw new Error(`@oclif/core ${file} no longer requires ${name} as scripts/oclif-start-up.js expects`)
}

function edit(text, file, [from, to]) {
  if (!text.includes(from)) throw new Error(`@oclif/core ${file} no longer has ${from} as scripts/oclif-start-up.js expects`)
  return text.replace(from, to)
}

/** The esbuild plugin applying both tables to @oclif/core's files. */
export const oclifStartUp = {
  name: 'oclif-start-up',
  setup(build) {
    const done = new Set()
    build.onLoad({filter: /[/\\]@oclif[/\\]core[/\\]lib[/\\].*\.js$/}, async (args) => {
      const file = args.path.split(/[/\\]@oclif[/\\]core[/\\]/).pop().replaceAll('\\', '/')
      const lazy = LAZY_IN_OCLIF[file] ?? []
      const edits = EDITS_IN_OCLIF[file] ?? []
      if (lazy.length === 0 && edits.length === 0) return undefined
      let text = await readFile(args.path, 'utf8')
      for (const name of lazy) text = makeLazy(text, file, name)
      for (const change of edits) text = edit(text, file, change)
      done.add(file)
      // Only files that now require a package left out of the bundle need oclif's resolution.
      if (!text.includes('__duoOclifRequire(')) return {contents: text, loader: 'js'}
      const oclifRequire = 'const __duoOclifRequire = (id) => require("node:module").createRequire(require.resolve("@oclif/core"))(id);'
      return {contents: `${oclifRequire}\n${text}`, loader: 'js'}
    })
    build.onEnd(() => {
      const missed = [...new Set([...Object.keys(LAZY_IN_OCLIF), ...Object.keys(EDITS_IN_OCLIF)])].filter((file) => !done.has(file))
      if (missed.length > 0) throw new Error(`scripts/oclif-start-up.js expected @oclif/core files that were not bundled: ${missed.join(', ')}`)
    })
  },
}

// Bundles the compiled CLI (dist/) into dist/bundle/ for start-up time: a helpdesk runs `duo` dozens
// of times an hour, and loading oclif's ~200 small CommonJS files plus our ~20 ES modules one by one
// was most of a command's time (issue #7). Bundled, `duo users get` loads a handful of files.
//
// Each command stays its own entry, so oclif still imports only the command being run, and code
// shared between commands (oclif, src/core, src/cli …) goes into shared chunks that are loaded once. Packages
// other than oclif stay external, loaded from node_modules exactly as before: most of them are
// imported lazily on the paths that need them, and some find files next to their own code.
//
// Whitespace, syntax and local names are minified: V8 parses every byte of a chunk a command loads,
// and the shared chunk holding oclif is most of them. The source maps beside the chunks lead back to
// dist/, names included, when Node runs with --enable-source-maps.
//
// Node's builtins (node:crypto, node:tls …) are required rather than imported: importing one as an
// ES module builds a facade that reads every export, running getters that load more of Node
// (crypto.webcrypto, tls.rootCertificates, fs.promises); required, only what is used is read.
//
// Some of oclif's own dependencies are needed only off that path: help templates (ejs), a spinner
// (cli-spinners), finding commands without a manifest (tinyglobby), the engine check we skip
// (semver). oclif requires most of them at the top of its modules, so bundled they were parsed and
// run on every command. They stay out of the bundle, and each such require becomes a lazy one,
// resolved from oclif's own folder (as oclif would) the first time something is read from it. The
// build fails if oclif's code no longer has a require it expects, rather than quietly load it again.
//
// The unbundled dist/ stays: benchmarks and in-process tests import its modules.
import {build} from 'esbuild'
import {readFileSync, readdirSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {join, relative} from 'node:path'

const dist = 'dist'
const out = join(dist, 'bundle')

function javascriptFiles(dir) {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return javascriptFiles(path)
    return entry.name.endsWith('.js') ? [path] : []
  })
}

const entryPoints = Object.fromEntries(javascriptFiles(join(dist, 'commands')).map((file) => [relative(dist, file).slice(0, -'.js'.length), file]))
entryPoints.main = join(dist, 'main.js')
// Hooks load only when their event fires (a mistyped command), never on a command's start-up path.
for (const file of javascriptFiles(join(dist, 'hooks'))) entryPoints[relative(dist, file).slice(0, -'.js'.length)] = file

/**
 * Per file of @oclif/core: what it requires at the top that a command's start-up never uses. A
 * package stays out of the bundle; oclif's own help (./help) stays in it but runs only for help;
 * Node's readline (stdin for a `-` argument) and perf_hooks (oclif's own timings) load when used.
 */
const LAZY_IN_OCLIF = {
  'lib/config/config.js': ['ejs'],
  'lib/config/plugin.js': ['tinyglobby'],
  'lib/errors/handle.js': ['../help/index'],
  'lib/flags.js': ['./help'],
  'lib/help/util.js': ['ejs'],
  'lib/index.js': ['./help', 'semver'],
  'lib/main.js': ['./help'],
  'lib/parser/parse.js': ['node:readline'],
  'lib/performance.js': ['node:perf_hooks'],
  'lib/ux/action/spinner.js': ['cli-spinners'],
}
const lazyPackages = [...new Set(Object.values(LAZY_IN_OCLIF).flat())].filter((name) => !/^(\.|node:)/.test(name))

const {dependencies} = JSON.parse(readFileSync('package.json', 'utf8'))
const external = [
  ...Object.keys(dependencies).filter((name) => name !== '@oclif/core'),
  // oclif's loaders for running TypeScript sources in development; a built CLI never uses them.
  'typescript',
  'ts-node',
  'tsx',
  ...lazyPackages,
]

const builtinsAsRequire = {
  name: 'builtins-as-require',
  setup(build) {
    build.onResolve({filter: /^node:/}, (args) =>
      args.kind === 'import-statement' ? {namespace: 'builtin', path: args.path} : {external: true, path: args.path},
    )
    build.onLoad({filter: /.*/, namespace: 'builtin'}, (args) => ({contents: `module.exports = require(${JSON.stringify(args.path)})`, loader: 'js'}))
  },
}

/**
 * `const x = require("p")` (or `__importDefault(require("p"))`, or a bare `require('p')` inside a
 * function) in the files above becomes a require through oclif's own resolution; at the top level it
 * is wrapped in a Proxy that requires on the first property read.
 */
const lazyOclifRequires = {
  name: 'lazy-oclif-requires',
  setup(build) {
    const seen = new Set()
    build.onLoad({filter: /[/\\]@oclif[/\\]core[/\\]lib[/\\].*\.js$/}, async (args) => {
      const file = relative(join('node_modules', '@oclif', 'core'), relative(process.cwd(), args.path)).replaceAll('\\', '/')
      const names = LAZY_IN_OCLIF[file]
      if (!names) return undefined
      let text = await readFile(args.path, 'utf8')
      for (const name of names) {
        const required = /^(\.|node:)/.test(name) ? `require(${JSON.stringify(name)})` : `__duoOclifRequire(${JSON.stringify(name)})`
        const topLevel = new RegExp(`(?:const|var) (\\w+) = (__importDefault\\()?require\\("${name.replaceAll('.', '\\.')}"\\)\\)?;`)
        const before = text
        text = text.replace(topLevel, (_, id, wrapped) => {
          const load = wrapped ? `__importDefault(${required})` : required
          return `let ${id}$loaded; const ${id} = new Proxy({}, {get: (_, key) => (${id}$loaded ??= ${load})[key]});`
        })
        if (text === before) text = text.replace(`require('${name}')`, required)
        if (text === before) throw new Error(`@oclif/core ${file} no longer requires ${name} as scripts/bundle.js expects`)
        seen.add(`${file} ${name}`)
      }

      const oclifRequire = 'const __duoOclifRequire = (id) => require("node:module").createRequire(require.resolve("@oclif/core"))(id);'
      return {contents: `${oclifRequire}\n${text}`, loader: 'js'}
    })
    build.onEnd(() => {
      const missed = Object.entries(LAZY_IN_OCLIF).flatMap(([file, names]) => names.filter((n) => !seen.has(`${file} ${n}`)).map((n) => `${file} ${n}`))
      if (missed.length > 0) throw new Error(`scripts/bundle.js expected @oclif/core files that were not bundled: ${missed.join(', ')}`)
    })
  },
}

await build({
  // oclif is CommonJS: give its require() calls a real require in the ES module output.
  banner: {js: "import {createRequire as __duoCreateRequire} from 'node:module'; const require = __duoCreateRequire(import.meta.url);"},
  bundle: true,
  chunkNames: 'chunks/[name]-[hash]',
  entryPoints,
  external,
  format: 'esm',
  logLevel: 'warning',
  minifyIdentifiers: true,
  minifySyntax: true,
  minifyWhitespace: true,
  outdir: out,
  platform: 'node',
  plugins: [builtinsAsRequire, lazyOclifRequires],
  sourcemap: 'linked',
  splitting: true,
  target: 'node20',
})

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
// oclif also runs code on every command that only help, spinners, stdin or command discovery need;
// scripts/oclif-start-up.js keeps that off the start-up path.
//
// The unbundled dist/ stays: benchmarks and in-process tests import its modules.
import {build} from 'esbuild'
import {readFileSync, readdirSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {dirname, join, relative, resolve} from 'node:path'

import {lazyPackages, oclifStartUp} from './oclif-start-up.js'

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
    // One small module per importing file, so it lands in its importer's chunk: shared by all its
    // importers, it would be a chunk of its own, one more file for every command to load.
    build.onResolve({filter: /^node:/}, (args) =>
      args.kind === 'import-statement' ? {namespace: 'builtin', path: `${args.path}?from=${args.importer}`} : {external: true, path: args.path},
    )
    build.onLoad({filter: /.*/, namespace: 'builtin'}, (args) => ({contents: `module.exports = require(${JSON.stringify(args.path.split('?')[0])})`, loader: 'js'}))
  },
}

// The modules behind the command bases (the client, catalog, credentials, output …) are what almost
// every command runs. Each command imports them all, so they share one chunk rather than the ~15
// that the commands' different mixes would cut them into: each chunk is a file Node resolves, reads
// and links (~1.5 ms here), and `duo users get` went from loading 20 files to 8.
const COMMAND_BASES = ['cli/api-command.js', 'cli/list-command.js', 'cli/record-command.js']
const commonChunk = {
  name: 'common-chunk',
  setup(build) {
    const commands = resolve(dist, 'commands')
    const bases = COMMAND_BASES.map((file) => `import ${JSON.stringify(resolve(dist, file))}`).join('\n')
    build.onLoad({filter: /\.js$/}, async (args) => {
      if (!args.path.startsWith(commands)) return undefined
      return {contents: `${await readFile(args.path, 'utf8')}\n${bases}\n`, loader: 'js', resolveDir: dirname(args.path)}
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
  plugins: [builtinsAsRequire, oclifStartUp, commonChunk],
  sourcemap: 'linked',
  splitting: true,
  target: 'node20',
})

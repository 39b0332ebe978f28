// Preloaded (NODE_OPTIONS=--import) by the start-up loading test: appends to the file named by
// DUO_TEST_LOADS every module the CLI loads, ES modules through a loader hook and CommonJS through
// Module._load (how the lazily required table and CSV code would arrive), and at exit Node's own
// modules as `node:NAME` (process.moduleLoadList).
import {appendFileSync} from 'node:fs'
import Module, {register} from 'node:module'
import {pathToFileURL} from 'node:url'

const record = (url) => appendFileSync(process.env.DUO_TEST_LOADS, url + '\n')
register(new URL('record-loads-hook.mjs', import.meta.url))

const load = Module._load
Module._load = function (request, parent, isMain) {
  const loaded = load.call(this, request, parent, isMain)
  if (!request.startsWith('node:') && !Module.isBuiltin(request)) record(pathToFileURL(Module._resolveFilename(request, parent)).href)
  return loaded
}

process.on('exit', () => {
  const builtins = process.moduleLoadList.filter((entry) => entry.startsWith('NativeModule ')).map((entry) => `node:${entry.slice('NativeModule '.length)}`)
  record(builtins.join('\n'))
})

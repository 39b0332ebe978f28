#!/usr/bin/env -S node --import tsx --no-warnings
// Runs the TypeScript sources directly (src/commands through tsx), so a change shows without a
// build; bin/run.js runs the bundle that `npm run build` writes, and its manifest is ignored here.
import {Config, Plugin, execute} from '@oclif/core'
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const pjson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
pjson.oclif = {...pjson.oclif, commands: './src/commands'}

const sources = new Plugin({ignoreManifest: true, isRoot: true, pjson, root})
// Given plugins replace oclif's loading of them: the sources are the only one (duo declares none).
await sources.load()
const config = await Config.load({plugins: new Map([[sources.name, sources]]), root})
await execute({development: true, dir: import.meta.url, loadOptions: config})

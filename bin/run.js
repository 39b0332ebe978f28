#!/usr/bin/env node
// The bundle (npm run build: tsc, then scripts/bundle.js); see docs/ARCHITECTURE.md.
import module from 'node:module'

// From Node 22.1, Node keeps the bundle's compiled code between runs (in the OS temp folder), so
// later commands skip most of the parsing; Node 20 has no such cache and ignores this.
module.enableCompileCache?.()
const {main} = await import('../dist/bundle/main.js')

await main(import.meta.url)

#!/usr/bin/env node
// The bundle (npm run build: tsc, then scripts/bundle.js); see docs/ARCHITECTURE.md.
import {main} from '../dist/bundle/main.js'

await main(import.meta.url)

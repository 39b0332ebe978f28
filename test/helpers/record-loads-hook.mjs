// The loader hook of record-loads.mjs: every ES module's URL, as it is loaded.
import {appendFileSync} from 'node:fs'

export async function load(url, context, nextLoad) {
  if (!url.startsWith('node:')) appendFileSync(process.env.DUO_TEST_LOADS, url + '\n')
  return nextLoad(url, context)
}

// Root hooks for every test file: no real network (only loopback, where tests start their own
// servers), and a throwaway config dir so no test reads or writes the user's profiles.
import nock from 'nock'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

const configDir = mkdtempSync(join(tmpdir(), 'duo-test-config-'))
process.env.DUO_CONFIG_DIR = configDir
for (const name of ['DUO_IKEY', 'DUO_SKEY', 'DUO_HOST', 'DUO_PROFILE', 'DUO_SECURITY_USERNAME', 'DUO_SECURITY_PASSWORD']) {
  delete process.env[name]
}

export const mochaHooks = {
  beforeAll() {
    nock.disableNetConnect()
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/)
  },
  afterEach() {
    nock.cleanAll()
  },
  afterAll() {
    nock.enableNetConnect()
    rmSync(configDir, {force: true, recursive: true})
  },
}

// Class 4 of issue 13: a reader that closes the pipe early (`| head -1`) ends duo quietly with exit
// 0 in every output form, and no further pages are fetched. Real shell pipes, built CLI.
import {expect} from 'chai'
import {spawn} from 'node:child_process'

import {BIN, tempConfigDir} from '../helpers/cli.js'
import {sandboxSession} from '../helpers/sandbox-session.js'

/** Runs `duo ARGS | READER` in bash; duo's own exit code comes from PIPESTATUS. */
function piped(args: string[], reader: string, env: Record<string, string>): Promise<{code: number; stderr: string; stdout: string}> {
  const quoted = args.map((a) => `'${a}'`).join(' ')
  const script = `"${process.execPath}" "${BIN}" ${quoted} | ${reader}; echo "duo-exit=\${PIPESTATUS[0]}" >&2`
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--norc', '--noprofile', '-c', script], {env: {DUO_CONFIG_DIR: tempConfigDir(), NO_COLOR: '1', PATH: process.env.PATH, ...env}})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', () => {
      const code = Number(/duo-exit=(\d+)/.exec(stderr)?.[1] ?? -1)
      resolve({code, stderr: stderr.replace(/duo-exit=\d+\n/, ''), stdout})
    })
  })
}

describe('hardening: a closed stdout ends duo quietly (issue 13, class 4)', () => {
  // 6,000 users: 20 pages of 300, far more than any pipe buffers.
  const session = sandboxSession({users: 6000})
  const env = () => ({DUO_HOST: session.sandbox.url, DUO_IKEY: session.sandbox.ikey, DUO_SKEY: session.sandbox.skey})

  for (const [args, reader] of [
    [['users', 'list', '--all', '--json'], 'head -1'],
    [['users', 'list', '--all'], 'head -1'],
    [['users', 'list', '--all', '--csv'], 'head -1'],
    [['api', 'GET', '/admin/v1/users', '--all'], 'head -c 200'],
    [['users', 'list', '--json', '--limit', '300'], 'head -c 100'],
  ] as Array<[string[], string]>) {
    it(`duo ${args.join(' ')} | ${reader}: exit 0, nothing on stderr, pages stop`, async () => {
      const before = session.sandbox.requestCount()
      const result = await piped(args, reader, env())
      expect(result.code, result.stderr).to.equal(0)
      expect(result.stderr).to.equal('')
      expect(result.stdout.length).to.be.greaterThan(0)
      // The page printed, at most one prefetched and one in flight: not the 20 of the whole list.
      expect(session.sandbox.requestCount() - before).to.be.at.most(4)
    })
  }
})

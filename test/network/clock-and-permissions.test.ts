// The two refusals people misread most, end to end against sandboxes set up to produce them: a
// clock 10 minutes off (the sandbox answers 401 40104 and its Date header shows its own clock) and
// an integration without "Grant resource - Write" (403 40301).
import {expect} from 'chai'

import {type RunningSandbox, type SandboxOptions, startSandbox} from '../../src/sandbox/server.js'
import {runCli} from '../helpers/cli.js'

const TEN_MINUTES = 10 * 60 * 1000

describe('clock skew and missing permissions (built CLI, sandbox)', () => {
  const sandboxes: RunningSandbox[] = []
  const start = async (options: SandboxOptions) => {
    const sandbox = await startSandbox(options)
    sandboxes.push(sandbox)
    return sandbox
  }

  after(async () => Promise.all(sandboxes.map((s) => s.close())))

  const run = (sandbox: RunningSandbox, args: string[]) =>
    runCli(args, {env: {DUO_HOST: sandbox.url, DUO_IKEY: sandbox.ikey, DUO_SKEY: sandbox.skey}})

  it('says how far and which way this computer\'s clock is off when Duo refuses the timestamp', async () => {
    const [ahead, behind] = await Promise.all([start({clockOffsetMs: TEN_MINUTES}), start({clockOffsetMs: -TEN_MINUTES})])
    const [slow, fast] = await Promise.all([run(ahead, ['users', 'list']), run(behind, ['users', 'list'])])
    expect(slow.code).to.equal(3)
    expect(slow.stderr).to.match(/^Error: Request timestamp is out of the allowed window: .*\(40104\)$/m)
    expect(slow.stderr).to.contain("Hint: This computer's clock is 10 minutes behind Duo's;")
    expect(slow.stderr).to.contain('turn on NTP')
    expect(fast.code).to.equal(3)
    expect(fast.stderr).to.contain("Hint: This computer's clock is 10 minutes ahead of Duo's;")
  })

  it('names the missing write permission and where to grant it, while reads still work', async () => {
    const readOnly = await start({permissions: {read: true, write: false}})
    const [created, listed] = await Promise.all([run(readOnly, ['users', 'create', '--username', 'x']), run(readOnly, ['users', 'list', '--json'])])
    expect(created.code).to.equal(3)
    expect(created.stderr).to.contain('(40301)')
    expect(created.stderr).to.contain(
      'Hint: The Admin API application lacks the "Grant resource - Write" permission. Grant it in the Duo Admin Panel: Applications → your Admin API application → Permissions.',
    )
    expect(listed.code, listed.stderr).to.equal(0)
  })
})

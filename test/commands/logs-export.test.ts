// Checkpointed exports killed with SIGKILL at random moments and resumed until they finish: the
// output then holds every event of the window exactly once, in order. And --follow picks up live
// events and ends cleanly on SIGTERM and Ctrl-C (SIGINT).
import {expect} from 'chai'
import {type ChildProcess, spawn} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {BIN, runCli, tempConfigDir} from '../helpers/cli.js'
import {type RunningSandbox, startSandbox} from '../../src/sandbox/server.js'

type Row = {txid: string; isotimestamp: string}

function envFor(sandbox: RunningSandbox) {
  return {DUO_CONFIG_DIR: tempConfigDir(), DUO_HOST: sandbox.url, DUO_IKEY: sandbox.ikey, DUO_SKEY: sandbox.skey}
}

function start(args: string[], env: Record<string, string>): {child: ChildProcess; done: Promise<{code: null | number; signal: NodeJS.Signals | null; stdout: string; stderr: string}>} {
  const child = spawn(process.execPath, [BIN, ...args], {env: {HOME: process.env.HOME, NO_COLOR: '1', PATH: process.env.PATH, ...env}, stdio: ['ignore', 'pipe', 'pipe']})
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (d) => (stdout += d))
  child.stderr!.on('data', (d) => (stderr += d))
  const done = new Promise<{code: null | number; signal: NodeJS.Signals | null; stdout: string; stderr: string}>((resolve) => {
    child.on('close', (code, signal) => resolve({code, signal, stderr, stdout}))
  })
  return {child, done}
}

const lines = (text: string) => text.split('\n').filter(Boolean)

describe('duo logs --checkpoint: killed with SIGKILL and resumed (built CLI, sandbox)', function () {
  this.timeout(180_000)
  let sandbox: RunningSandbox
  before(async () => {
    sandbox = await startSandbox({authEvents: 100_000, logLagMs: 0})
  })
  after(() => sandbox.close())

  it('loses and repeats nothing however often it is killed', async () => {
    const env = envFor(sandbox)
    const dir = mkdtempSync(join(tmpdir(), 'duo-export-'))
    const checkpoint = join(dir, 'auth.ckpt')
    const output = join(dir, 'auth.ndjson')
    const args = ['logs', 'auth', '--since', '31d', '--limit', '500', '--lag', '0s', '--checkpoint', checkpoint, '--output', output]
    let kills = 0
    let finished = false
    for (let run = 0; run < 30 && !finished; run++) {
      const {child, done} = start(args, env)
      // Kill anywhere from start-up to well into the export (mid-page, mid-write); a run may finish first.
      const timer = setTimeout(() => child.kill('SIGKILL'), 400 + Math.floor(Math.random() * 2000))
      const result = await done
      clearTimeout(timer)
      if (result.signal === 'SIGKILL') kills++
      else {
        expect(result.code, result.stderr).to.equal(0)
        finished = true
      }
    }

    expect(finished, 'the export never finished').to.equal(true)
    expect(kills, 'no run was killed mid-export').to.be.greaterThan(1)
    const exported = lines(readFileSync(output, 'utf8')).map((line) => JSON.parse(line) as Row)
    const reference = lines((await runCli(['logs', 'auth', '--since', '31d', '--all', '--json'], {env})).stdout).map((line) => JSON.parse(line) as Row)
    expect(reference.length).to.be.within(100_000, 100_010)
    expect(exported.length).to.equal(reference.length)
    expect(exported.map((r) => r.txid)).to.deep.equal(reference.map((r) => r.txid))
    expect(statSync(checkpoint).mode & 0o777).to.equal(0o600)

    // Run again: nothing new happened, so nothing is added.
    const again = await runCli(args, {env})
    expect(again.code, again.stderr).to.equal(0)
    expect(again.stderr).to.match(/Resumed: 0 authentication events added/)
    expect(lines(readFileSync(output, 'utf8'))).to.have.length(reference.length)
  })

  it('the administrator log (whole-second mintime): a rerun appends only the new entries, even in the boundary second', async () => {
    const env = envFor(sandbox)
    const dir = mkdtempSync(join(tmpdir(), 'duo-export-'))
    const args = ['logs', 'admin', '--since', '31d', '--lag', '0s', '--checkpoint', join(dir, 'admin.ckpt'), '--output', join(dir, 'admin.ndjson')]
    expect((await runCli(['users', 'create', '--username', 'before1'], {env})).code).to.equal(0)
    const first = await runCli(args, {env})
    expect(first.code, first.stderr).to.equal(0)
    const count = lines(readFileSync(join(dir, 'admin.ndjson'), 'utf8')).length
    for (const name of ['after1', 'after2']) expect((await runCli(['users', 'create', '--username', name], {env})).code).to.equal(0)
    const second = await runCli(args, {env})
    expect(second.code, second.stderr).to.equal(0)
    const rows = lines(readFileSync(join(dir, 'admin.ndjson'), 'utf8')).map((line) => JSON.parse(line) as {object: string})
    expect(rows.slice(count).map((r) => r.object)).to.deep.equal(['after1', 'after2'])
    expect(new Set(rows.map((r) => JSON.stringify(r))).size).to.equal(rows.length)
  })

  it('refuses a checkpoint of another log or other filters, and --checkpoint without --output', async () => {
    const env = envFor(sandbox)
    const dir = mkdtempSync(join(tmpdir(), 'duo-export-'))
    const checkpoint = join(dir, 'c.ckpt')
    expect((await runCli(['logs', 'auth', '--since', '1h', '--lag', '0s', '--checkpoint', checkpoint, '--output', join(dir, 'o.ndjson')], {env})).code).to.equal(0)
    const other = await runCli(['logs', 'auth', '--since', '1h', '--result', 'denied', '--checkpoint', checkpoint, '--output', join(dir, 'o.ndjson')], {env})
    expect(other.code).to.equal(2)
    expect(other.stderr).to.contain('belongs to an export of the auth log')
    const noOutput = await runCli(['logs', 'auth', '--checkpoint', join(dir, 'x.ckpt')], {env})
    expect(noOutput.code).to.equal(2)
    expect(existsSync(join(dir, 'x.ckpt'))).to.equal(false)
  })
})

describe('duo logs --follow (built CLI, sandbox with live traffic)', function () {
  this.timeout(60_000)
  let sandbox: RunningSandbox
  before(async () => {
    sandbox = await startSandbox({authEvents: 0, authRate: {requests: 10, windowMs: 1000}, logLagMs: 0})
  })
  after(() => sandbox.close())

  it('says what it follows and that it stopped, on stderr (table mode)', async () => {
    const {child, done} = start(['logs', 'auth', '--follow', '--since', '2s', '--lag', '0s', '--poll', '300ms'], envFor(sandbox))
    await new Promise((resolve) => setTimeout(resolve, 2500))
    child.kill('SIGINT')
    const result = await done
    expect(result.code, result.stderr).to.equal(0)
    expect(result.stderr).to.contain('Following the authentication events; Ctrl-C to stop.')
    expect(result.stderr).to.contain('Stopped following.')
    expect(result.stdout.split('\n')[0]).to.match(/^TIME\s+USER\s+APP/)
  })

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints new events as they arrive, each once, and ends cleanly on ${signal}`, async () => {
      const {child, done} = start(['logs', 'auth', '--follow', '--json', '--since', '2s', '--lag', '0s', '--poll', '300ms'], envFor(sandbox))
      await new Promise((resolve) => setTimeout(resolve, 3500))
      child.kill(signal)
      const result = await done
      expect(result.code, result.stderr).to.equal(0)
      const rows = lines(result.stdout).map((line) => JSON.parse(line) as Row)
      // About 10 a second for ~3 s (minus start-up), and never the same event twice across polls.
      expect(rows.length).to.be.greaterThan(10)
      expect(new Set(rows.map((r) => r.txid)).size).to.equal(rows.length)
      const times = rows.map((r) => Date.parse(r.isotimestamp))
      expect(times).to.deep.equal([...times].sort((a, b) => a - b))
    })
  }
})

// MSP child accounts end to end, with the built CLI against a sandbox whose parent holds two children
// on hosts of their own: listing them, acting on one with --account (by name, id or DUO_ACCOUNT),
// names and `duo api` reaching the child, and what an unknown account does (nothing sent to a child).
import {Client} from '@modelcontextprotocol/sdk/client/index.js'
import {StdioClientTransport} from '@modelcontextprotocol/sdk/client/stdio.js'
import {expect} from 'chai'
import {once} from 'node:events'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {spawn} from 'node:child_process'
import {createInterface} from 'node:readline'

import {BIN, runCli, tempConfigDir} from '../helpers/cli.js'
import {sandboxSession} from '../helpers/sandbox-session.js'

type Account = {account_id: string; api_hostname: string; name: string}
const usernames = (users: Array<{username: string}>) => users.map((user) => user.username)

describe('duo accounts list and --account (the built CLI)', () => {
  const session = sandboxSession()
  const acme = () => session.sandbox.children[0]
  const globex = () => session.sandbox.children[1]
  /** Requests each child's host has received so far. */
  const childRequests = () => session.sandbox.children.map((child) => child.requestCount())

  it('accounts list: a table of name, account_id and api_hostname', async () => {
    const result = await session.run(['accounts', 'list'])
    expect(result.code, result.stderr).to.equal(0)
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines[0].split(/\s{2,}/)).to.deep.equal(['NAME', 'ACCOUNT_ID', 'API_HOSTNAME'])
    expect(lines[1].split(/\s{2,}/)).to.deep.equal(['Acme Dental', acme().account_id, acme().url])
    expect(lines[2].split(/\s{2,}/)).to.deep.equal(['Globex Logistics', globex().account_id, globex().url])
  })

  it('accounts list --json: Duo\'s array; --fields and --query select from it', async () => {
    const accounts = await session.json<Account[]>(['accounts', 'list'])
    expect(accounts).to.deep.equal(session.sandbox.children.map((c) => ({account_id: c.account_id, api_hostname: c.url, name: c.name})))
    expect(await session.json(['accounts', 'list', '--fields', 'name'])).to.deep.equal([{name: 'Acme Dental'}, {name: 'Globex Logistics'}])
    expect(await session.json(['accounts', 'list', '--query', '[].account_id'])).to.deep.equal([acme().account_id, globex().account_id])
  })

  it('users list --account NAME (any case) lists that child\'s users, from the child\'s host', async () => {
    const [before] = childRequests()
    expect(usernames(await session.json(['users', 'list', '--account', 'acme dental']))).to.deep.equal(['amelia', 'arjun'])
    expect(acme().requestCount()).to.equal(before + 1)
  })

  it('--account ACCOUNT_ID, or DUO_ACCOUNT, picks the other child', async () => {
    expect(usernames(await session.json(['users', 'list', '--account', globex().account_id]))).to.deep.equal(['gus', 'gwen', 'hank'])
    const {ikey, skey, url} = session.sandbox
    const viaEnv = await runCli(['users', 'list', '--json'], {env: {DUO_ACCOUNT: 'Globex Logistics', DUO_HOST: url, DUO_IKEY: ikey, DUO_SKEY: skey}})
    expect(viaEnv.code, viaEnv.stderr).to.equal(0)
    expect(usernames(JSON.parse(viaEnv.stdout))).to.deep.equal(['gus', 'gwen', 'hank'])
  })

  it('names are looked up in the child: a child\'s username resolves, the parent\'s does not', async () => {
    const amelia = await session.json<{username: string}>(['users', 'get', 'amelia', '--account', 'Acme Dental'])
    expect(amelia.username).to.equal('amelia')
    const alice = await session.run(['users', 'get', 'alice', '--account', 'Acme Dental'])
    expect(alice.code).to.equal(4)
    expect(alice.stderr).to.contain('No user named "alice"')
  })

  it('duo api reaches the child too, and a write there changes that child only', async () => {
    const listed = await session.json<{response: Array<{username: string}>}>(['api', 'GET', '/admin/v1/users', '--account', 'Globex Logistics'])
    expect(usernames(listed.response)).to.deep.equal(['gus', 'gwen', 'hank'])
    const created = await session.json<{response: {name: string}}>(['api', 'POST', '/admin/v1/groups', '-p', 'name=Warehouse', '--account', 'Globex Logistics'])
    expect(created.response.name).to.equal('Warehouse')
    const globexGroups = await session.json<Array<{name: string}>>(['groups', 'list', '--account', 'Globex Logistics'])
    expect(globexGroups.map((g) => g.name)).to.deep.equal(['Drivers', 'Warehouse'])
    const parentGroups = await session.json<Array<{name: string}>>(['groups', 'list'])
    expect(parentGroups.map((g) => g.name)).to.not.include('Warehouse')
  })

  it('--account none is the parent itself', async () => {
    expect(usernames(await session.json(['users', 'list', '--limit', '2', '--account', 'none']))).to.deep.equal(['alice', 'bob'])
  })

  it('an unknown account: one line naming what exists, exit 4, and nothing sent to any child', async () => {
    const before = childRequests()
    const result = await session.run(['users', 'list', '--account', 'Initech'])
    expect(result.code).to.equal(4)
    expect(result.stdout).to.equal('')
    const [error, hint] = result.stderr.trimEnd().split('\n')
    expect(error).to.equal(`Error: No child account "Initech". Child accounts: Acme Dental (${acme().account_id}), Globex Logistics (${globex().account_id}).`)
    expect(hint).to.match(/^Hint: .*duo accounts list/)
    expect(childRequests()).to.deep.equal(before)
  })

  it('--help lists --account among the global flags, with DUO_ACCOUNT', async () => {
    const help = await runCli(['users', 'list', '--help'])
    const global = help.stdout.slice(help.stdout.indexOf('GLOBAL FLAGS'))
    expect(global).to.match(/--account=<value>\s+\[env: DUO_ACCOUNT\] MSP child account/)
  })
})

describe('--account with the embedded sandbox (--sandbox)', () => {
  it('accounts list --sandbox lists the two children; users list --sandbox --account shows one child\'s users', async () => {
    const configDir = tempConfigDir()
    const listed = await runCli(['accounts', 'list', '--sandbox', '--json'], {configDir})
    expect(listed.code, listed.stderr).to.equal(0)
    const accounts = JSON.parse(listed.stdout) as Account[]
    expect(accounts.map((a) => a.name)).to.deep.equal(['Acme Dental', 'Globex Logistics'])
    const users = await runCli(['users', 'list', '--sandbox', '--account', accounts[1].account_id, '--json'], {configDir})
    expect(users.code, users.stderr).to.equal(0)
    expect(usernames(JSON.parse(users.stdout))).to.deep.equal(['gus', 'gwen', 'hank'])
    const unknown = await runCli(['users', 'list', '--sandbox', '--account', 'Initech'], {configDir})
    expect(unknown.code).to.equal(4)
  })
})

describe('--account when the Accounts API is not granted (sandbox --deny accounts)', () => {
  const session = sandboxSession({permissions: {accounts: false}})

  it('accounts list and users list --account fail with exit 3 and say what is missing; no child is called', async () => {
    const list = await session.run(['accounts', 'list'])
    expect(list.code).to.equal(3)
    expect(list.stderr).to.contain('Access forbidden').and.contain('Accounts API')
    const users = await session.run(['users', 'list', '--account', 'Acme Dental'])
    expect(users.code).to.equal(3)
    expect(session.sandbox.children.map((c) => c.requestCount())).to.deep.equal([0, 0])
  })

  it('duo doctor --account: the lookup\'s refusal fails the profile check, and the parent\'s host is checked (exit 1)', async () => {
    const result = await session.run(['doctor', '--account', 'Acme Dental', '--json'])
    expect(result.code).to.equal(1)
    const report = JSON.parse(result.stdout) as {checks: Array<{detail: string; fix?: string; name: string; ok: boolean}>; ok: boolean}
    const [profile] = report.checks
    expect(profile.ok).to.equal(false)
    expect(profile.detail).to.contain('but its child account could not be looked up: Access forbidden')
    expect(profile.fix).to.contain('Accounts API')
    const check = (name: string) => report.checks.find((c) => c.name === name)!
    expect(check('host').detail).to.equal(`${session.sandbox.url} (plain http: a loopback sandbox only)`)
    expect(check('credentials').ok).to.equal(true)
  })
})

describe('a profile with a child account', () => {
  const session = sandboxSession()
  const configDir = tempConfigDir()
  const duo = (args: string[]) => runCli(args, {configDir})
  const duoJson = async <T>(args: string[]): Promise<T> => {
    const result = await duo([...args, '--json'])
    expect(result.code, `duo ${args.join(' ')}: ${result.stderr}`).to.equal(0)
    return JSON.parse(result.stdout) as T
  }

  before(async () => {
    const {ikey, skey, url} = session.sandbox
    const added = await runCli(['profiles', 'add', 'msp', '--ikey', ikey, '--host', url, '--skey-stdin'], {configDir, input: skey})
    expect(added.code, added.stderr).to.equal(0)
  })

  it('profiles set --account looks the child up and keeps it; show and list display it; commands then reach the child', async () => {
    const acme = session.sandbox.children[0]
    const view = await duoJson<{account: string}>(['profiles', 'set', 'msp', '--account', 'ACME DENTAL'])
    expect(view.account).to.equal(`Acme Dental (${acme.account_id})`)
    expect((await duoJson<{account: string}>(['profiles', 'show', 'msp'])).account).to.equal(`Acme Dental (${acme.account_id})`)
    const table = await duo(['profiles', 'list'])
    expect(table.stdout.split('\n')[0].split(/\s{2,}/)).to.deep.equal(['NAME', 'DEFAULT', 'HOST', 'IKEY', 'ACCOUNT'])
    expect(table.stdout).to.contain(`Acme Dental (${acme.account_id})`).and.not.contain(session.sandbox.skey)
    expect(usernames(await duoJson(['users', 'list', '--profile', 'msp']))).to.deep.equal(['amelia', 'arjun'])
    // --account on the command line wins over the profile's.
    expect(usernames(await duoJson(['users', 'list', '--profile', 'msp', '--account', 'Globex Logistics']))).to.deep.equal(['gus', 'gwen', 'hank'])
    expect(usernames(await duoJson(['users', 'list', '--profile', 'msp', '--account', 'none', '--limit', '1']))).to.deep.equal(['alice'])
  })

  it('duo doctor shows the child account and checks the host its calls go to', async () => {
    const acme = session.sandbox.children[0]
    const report = await duoJson<{checks: Array<{detail: string; name: string}>; ok: boolean}>(['doctor', '--profile', 'msp'])
    expect(report.ok).to.equal(true)
    const detail = (name: string) => report.checks.find((check) => check.name === name)!.detail
    expect(detail('profile')).to.contain(`child account "Acme Dental" (${acme.account_id})`)
    expect(detail('host')).to.equal(`${acme.url} (plain http: a loopback sandbox only) (child account "Acme Dental", ${acme.account_id})`)
  })

  it('serve rest on the profile answers from the child', async function () {
    this.timeout(30_000)
    const child = spawn(process.execPath, [BIN, 'serve', 'rest', '--profile', 'msp', '--port', '0', '--json'], {
      env: {DUO_CONFIG_DIR: configDir, HOME: process.env.HOME, NO_COLOR: '1', PATH: process.env.PATH},
    })
    try {
      const [line] = await once(createInterface({input: child.stdout}), 'line')
      const {token, url} = JSON.parse(line) as {token: string; url: string}
      const answer = await fetch(`${url}/admin/v1/users`, {headers: {Authorization: `Bearer ${token}`}})
      expect(usernames(((await answer.json()) as {response: Array<{username: string}>}).response)).to.deep.equal(['amelia', 'arjun'])
    } finally {
      child.kill('SIGTERM')
      await once(child, 'exit')
    }
  })

  it('an unknown account is refused at set time (exit 4) and the profile keeps its account', async () => {
    const result = await duo(['profiles', 'set', 'msp', '--account', 'Initech'])
    expect(result.code).to.equal(4)
    expect(result.stderr).to.contain('No child account "Initech"')
    expect((await duoJson<{account: string}>(['profiles', 'show', 'msp'])).account).to.match(/^Acme Dental /)
  })

  it('a kept account the parent no longer lists: exit 4 with how to fix the profile, nothing sent to a child', async () => {
    const file = join(configDir, 'config.json')
    const saved = JSON.parse(readFileSync(file, 'utf8'))
    saved.profiles.gone = {...saved.profiles.msp, account: {account_id: 'DA0000000000000GONE0', name: 'Closed Clinic'}}
    writeFileSync(file, JSON.stringify(saved), {mode: 0o600})
    const before = session.sandbox.children.map((c) => c.requestCount())
    const result = await duo(['users', 'list', '--profile', 'gone'])
    expect(result.code).to.equal(4)
    expect(result.stderr).to.contain('"Closed Clinic" (DA0000000000000GONE0), is not among the parent\'s child accounts any more').and.contain('duo profiles set')
    expect(session.sandbox.children.map((c) => c.requestCount())).to.deep.equal(before)
  })

  it('--account none clears it: the profile acts on the parent again', async () => {
    const view = await duoJson<{account?: string}>(['profiles', 'set', 'msp', '--account', 'none'])
    expect(view).to.not.have.property('account')
    expect(usernames(await duoJson(['users', 'list', '--profile', 'msp', '--limit', '1']))).to.deep.equal(['alice'])
  })

  it('profiles add --account: the child is looked up and the keys checked against it before saving', async () => {
    const {ikey, skey, url} = session.sandbox
    const globex = session.sandbox.children[1]
    const added = await runCli(['profiles', 'add', 'globex', '--ikey', ikey, '--host', url, '--skey-stdin', '--account', 'Globex Logistics', '--json'], {configDir, input: skey})
    expect(added.code, added.stderr).to.equal(0)
    expect(JSON.parse(added.stdout).account).to.equal(`Globex Logistics (${globex.account_id})`)
    expect(usernames(await duoJson(['users', 'list', '--profile', 'globex']))).to.deep.equal(['gus', 'gwen', 'hank'])
    const unknown = await runCli(['profiles', 'add', 'nope', '--ikey', ikey, '--host', url, '--skey-stdin', '--account', 'Initech'], {configDir, input: skey})
    expect(unknown.code).to.equal(4)
    expect((await duo(['profiles', 'show', 'nope'])).code).to.equal(3)
  })
})

describe('duo sandbox start: the parent and its children, and a saved profile pointed at a child', () => {
  it('announces the children (--json: accounts), and a --save-profile profile reaches one after profiles set --account', async function () {
    this.timeout(30_000)
    const configDir = tempConfigDir()
    const child = spawn(process.execPath, [BIN, 'sandbox', 'start', '--port', '0', '--json', '--save-profile', 'sb'], {
      env: {DUO_CONFIG_DIR: configDir, HOME: process.env.HOME, NO_COLOR: '1', PATH: process.env.PATH},
    })
    try {
      const [line] = await once(createInterface({input: child.stdout}), 'line')
      const {accounts, url} = JSON.parse(line) as {accounts: Account[]; url: string}
      expect(accounts.map((a) => a.name)).to.deep.equal(['Acme Dental', 'Globex Logistics'])
      for (const account of accounts) expect(account.api_hostname).to.match(/^http:\/\/127\.0\.0\.1:\d+$/).and.not.equal(url)
      // The profile is saved right after the announcement.
      let shown = await runCli(['profiles', 'show', 'sb'], {configDir})
      for (let tries = 0; shown.code !== 0 && tries < 50; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        shown = await runCli(['profiles', 'show', 'sb'], {configDir})
      }

      const set = await runCli(['profiles', 'set', 'sb', '--account', 'Globex Logistics'], {configDir})
      expect(set.code, set.stderr).to.equal(0)
      const users = await runCli(['users', 'list', '--profile', 'sb', '--json'], {configDir})
      expect(users.code, users.stderr).to.equal(0)
      expect(usernames(JSON.parse(users.stdout))).to.deep.equal(['gus', 'gwen', 'hank'])
    } finally {
      child.kill('SIGTERM')
      await once(child, 'exit')
    }
  })
})

describe('duo serve mcp --stdio on a child account (DUO_ACCOUNT)', () => {
  const session = sandboxSession()

  it('its tools answer from the child', async function () {
    this.timeout(30_000)
    const {ikey, skey, url} = session.sandbox
    const transport = new StdioClientTransport({
      args: [BIN, 'serve', 'mcp', '--stdio'],
      command: process.execPath,
      env: {DUO_ACCOUNT: 'Acme Dental', DUO_CONFIG_DIR: tempConfigDir(), DUO_HOST: url, DUO_IKEY: ikey, DUO_SKEY: skey, HOME: process.env.HOME ?? '', NO_COLOR: '1', PATH: process.env.PATH ?? ''},
      stderr: 'pipe',
    })
    const client = new Client({name: 'duo-test', version: '1.0.0'})
    await client.connect(transport)
    try {
      const result = (await client.callTool({arguments: {username: 'arjun'}, name: 'listusers'})) as {structuredContent?: {response?: Array<{username: string}>}; content: Array<{text: string}>}
      expect(result.structuredContent?.response?.map((u) => u.username) ?? result.content[0].text).to.deep.equal(['arjun'])
    } finally {
      await client.close()
    }
  })
})

describe('duo accounts create and delete (the built CLI)', () => {
  const session = sandboxSession()
  const names = async () => (await session.json<Account[]>(['accounts', 'list'])).map((a) => a.name)

  it('create: the new child, which --account then reaches (an empty tenant)', async () => {
    const created = await session.json<Account>(['accounts', 'create', 'Initech'])
    expect(created.name).to.equal('Initech')
    expect(created.account_id).to.match(/^DA[A-Z0-9]{18}$/)
    expect(await names()).to.deep.equal(['Acme Dental', 'Globex Logistics', 'Initech'])
    expect(await session.json(['users', 'list', '--account', 'initech'])).to.deep.equal([])
  })

  it('two children of one name: --account NAME is a usage error (exit 2) asking for the id', async () => {
    const twin = await session.json<Account>(['accounts', 'create', 'Initech'])
    const result = await session.run(['users', 'list', '--account', 'Initech'])
    expect(result.code).to.equal(2)
    expect(result.stderr).to.contain('"Initech" names 2 child accounts').and.contain(twin.account_id)
    expect(await session.json(['users', 'list', '--account', twin.account_id])).to.deep.equal([])
  })

  it('delete without --yes and without a terminal: exit 2, nothing deleted', async () => {
    const result = await session.run(['accounts', 'delete', 'Globex Logistics'])
    expect(result.code).to.equal(2)
    expect(result.stderr).to.contain('Pass --yes')
    expect(await names()).to.include('Globex Logistics')
  })

  it('delete --yes by name or id: the child is gone from the list and --account no longer finds it', async () => {
    const [, , first, second] = await session.json<Account[]>(['accounts', 'list'])
    const deleted = await session.json<Account>(['accounts', 'delete', first.account_id, '--yes'])
    expect(deleted).to.deep.include({account_id: first.account_id, name: 'Initech'})
    const byName = await session.run(['accounts', 'delete', 'initech', '--yes'])
    expect(byName.code, byName.stderr).to.equal(0)
    expect(byName.stderr).to.contain(`Deleted child account Initech (${second.account_id}).`)
    expect(await names()).to.deep.equal(['Acme Dental', 'Globex Logistics'])
    expect((await session.run(['users', 'list', '--account', 'Initech'])).code).to.equal(4)
  })
})

describe('duo accounts billing (the built CLI)', () => {
  const session = sandboxSession()

  it('every child\'s plan, edition and telephony credits, read on each child\'s host', async () => {
    const before = session.sandbox.children.map((c) => c.requestCount())
    const result = await session.run(['accounts', 'billing'])
    expect(result.code, result.stderr).to.equal(0)
    const lines = result.stdout.trimEnd().split('\n').map((line) => line.split(/\s{2,}/))
    expect(lines).to.deep.equal([
      ['NAME', 'ACCOUNT_ID', 'PLAN', 'EDITION', 'TELEPHONY_CREDITS'],
      ['Acme Dental', session.sandbox.children[0].account_id, 'Duo Advantage', 'PLATFORM', '500'],
      ['Globex Logistics', session.sandbox.children[1].account_id, 'Duo Essentials', 'ENTERPRISE', '1200'],
    ])
    expect(session.sandbox.children.map((c, i) => c.requestCount() - before[i])).to.deep.equal([2, 2])
  })

  it('--account: that child only; --json gives the rows', async () => {
    const rows = await session.json(['accounts', 'billing', '--account', 'Globex Logistics'])
    expect(rows).to.deep.equal([{account_id: session.sandbox.children[1].account_id, edition: 'ENTERPRISE', name: 'Globex Logistics', plan: 'Duo Essentials', telephony_credits: 1200}])
  })
})

// What a person and a script see of the CLI's own surface (issue 18): one-line parse errors and
// suggestions, help with the global flags, --fields, user-list filters, e-mail lookups, the
// User-Agent, the note after an incomplete --json page, and Duo data that is shown escaped but kept exact.
import {expect} from 'chai'
import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import {createHash} from 'node:crypto'
import {existsSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {ROOT, runCli, tempConfigDir} from '../helpers/cli.js'
import {sandboxSession} from '../helpers/sandbox-session.js'

describe('duo ergonomics (built CLI)', function () {
  this.timeout(60_000)

  describe('parse errors and mistyped commands', () => {
    it('a mistyped command suggests the nearest one and exits 2', async () => {
      const result = await runCli(['users', 'lst'])
      expect(result.code).to.equal(2)
      expect(result.stderr).to.equal('Error: Unknown command "duo users lst".\nHint: Did you mean `duo users list`? See `duo users --help`.\n')
      expect(result.stdout).to.equal('')
    })

    it('a mistyped topic under --json is JSON on stderr', async () => {
      const result = await runCli(['usrs', 'list', '--json'])
      expect(result.code).to.equal(2)
      expect(JSON.parse(result.stderr)).to.deep.equal({
        error: {exitCode: 2, hint: 'Did you mean `duo users list`? See `duo --help`.', message: 'Unknown command "duo usrs list".', name: 'UsageError'},
      })
    })

    it('an unknown flag is one line and a pointer to --help, not the usage text', async () => {
      const result = await runCli(['users', 'get', 'alice', '--bogus'])
      expect(result.code).to.equal(2)
      expect(result.stderr).to.equal('Error: Nonexistent flag: --bogus.\nHint: See `duo users get --help`.\n')
    })

    it('parse errors under --json are JSON on stderr', async () => {
      const result = await runCli(['users', 'list', '--limit', 'many', '--json'])
      expect(result.code).to.equal(2)
      const {error} = JSON.parse(result.stderr) as {error: Record<string, unknown>}
      expect(error).to.include({exitCode: 2, hint: 'See `duo users list --help`.', name: 'UsageError'})
      expect(error.message).to.match(/^Parsing --limit; Expected an integer but received: many\.$/)
    })

    it('missing arguments without a terminal are named in one line (exit 2)', async () => {
      const link = await runCli(['users', 'groups', 'add'])
      expect(link.code).to.equal(2)
      expect(link.stderr).to.equal('Error: Missing USER, GROUP.\nHint: Pass USER, GROUP, or run on a terminal to pick them.\n')
      const token = await runCli(['users', 'tokens', 'add', 'bob'])
      expect(token.code).to.equal(2)
      expect(token.stderr).to.contain('Error: Missing TOKEN_ID.')
    })
  })

  describe('help', () => {
    const manifest = JSON.parse(readFileSync(`${ROOT}/oclif.manifest.json`, 'utf8')) as {commands: Record<string, {flags: Record<string, unknown>}>}
    const apiCommands = Object.entries(manifest.commands).filter(([id]) => !['autocomplete', 'help', 'profiles', 'sandbox'].some((local) => id.startsWith(local)))

    it('every command that calls Duo lists --json, --profile, --sandbox and --ca-bundle', () => {
      for (const [id, command] of apiCommands) {
        expect(Object.keys(command.flags), id).to.include.members(['json', 'profile', 'sandbox', 'ca-bundle'])
      }
    })

    it('no usage line shows an empty choice', async () => {
      for (const id of ['users:create', 'users:update', 'users:phones:list', 'users:groups:remove', 'groups:list']) {
        const help = await runCli([...id.split(':'), '--help'])
        expect(help.code, id).to.equal(0)
        expect(help.stdout, id).to.contain('GLOBAL FLAGS').and.contain('--json').and.not.match(/\| \]/)
      }
    })
  })

  describe('demo tenant', () => {
    const session = sandboxSession()

    it('--fields picks fields in JSON, NDJSON, CSV and tables alike', async () => {
      const page = await session.json<unknown[]>(['users', 'list', '--limit', '2', '--fields', 'username,email'])
      expect(page).to.deep.equal([{email: 'alice@example.com', username: 'alice'}, {email: 'bob@example.com', username: 'bob'}])
      const ndjson = await session.run(['users', 'list', '--all', '--json', '--fields', 'user_id,username'])
      const first = JSON.parse(ndjson.stdout.split('\n')[0]) as Record<string, string>
      expect(Object.keys(first)).to.deep.equal(['user_id', 'username'])
      const csv = await session.run(['users', 'list', '--limit', '1', '--csv', '--fields', 'email,username'])
      expect(csv.stdout).to.equal('email,username\nalice@example.com,alice\n')
      const table = await session.run(['users', 'list', '--limit', '1', '--fields', 'status,username'])
      expect(table.stdout.split('\n')[0].split(/\s+/)).to.deep.equal(['STATUS', 'USERNAME'])
    })

    it('an unknown field is exit 2 listing the valid ones, and --columns is the same flag', async () => {
      const result = await session.run(['users', 'list', '--columns', 'username,colour', '--json'])
      expect(result.code).to.equal(2)
      const {error} = JSON.parse(result.stderr) as {error: {hint: string; message: string}}
      expect(error.message).to.equal('Unknown field "colour".')
      expect(error.hint).to.match(/^Valid fields: .*\bemail\b.*\busername\b/)
      expect(result.stdout).to.equal('')
    })

    it('filters what Duo cannot: --status, --not-enrolled, --enrolled, --group, --inactive-for', async () => {
      // --all --json is NDJSON: one user per line.
      const lines = async (...args: string[]) => {
        const result = await session.run(['users', 'list', '--all', '--json', ...args])
        expect(result.code, result.stderr).to.equal(0)
        return result.stdout.trim().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as {username: string}).username)
      }

      expect(await lines('--status', 'bypass')).to.deep.equal(['frank'])
      expect(await lines('--not-enrolled')).to.deep.equal(['erin', 'frank', 'heidi', 'oscar'])
      expect(await lines('--enrolled')).to.deep.equal(['alice', 'bob', 'carol', 'dave', 'grace'])
      expect(await lines('--group', 'Engineering')).to.deep.equal(['alice', 'bob', 'carol', 'oscar'])
      // Every seeded login is in 2024: all of them are inactive for a day, and those who never logged in too.
      expect(await lines('--inactive-for', '1d')).to.have.length(9)
      expect(await lines('--inactive-for', '36500d')).to.deep.equal(['frank', 'heidi', 'oscar'])
      const bad = await session.run(['users', 'list', '--group', 'Nobody'])
      expect(bad.code).to.equal(4)
      const span = await session.run(['users', 'list', '--inactive-for', 'soon'])
      expect(span.code).to.equal(2)
      expect(span.stderr).to.contain('--inactive-for "soon" is not a time span.')
    })

    it('a user is found by e-mail address wherever one is named', async () => {
      const user = await session.json<{username: string}>(['users', 'get', 'carol@example.com'])
      expect(user.username).to.equal('carol')
      const phones = await session.run(['users', 'phones', 'list', 'alice@example.com', '--json'])
      expect(phones.code, phones.stderr).to.equal(0)
    })

    it('a username that is an e-mail address wins over another user\'s e-mail', async () => {
      const created = await session.json<{user_id: string}>(['users', 'create', '--username', 'bob@example.com', '--realname', 'Other Bob'])
      const found = await session.json<{user_id: string; username: string}>(['users', 'get', 'bob@example.com'])
      expect(found).to.include({user_id: created.user_id, username: 'bob@example.com'})
    })

    it('a --json page with more after it notes the next offset on stderr and suggests --all', async () => {
      const result = await session.run(['users', 'list', '--limit', '2', '--json'])
      expect(result.code).to.equal(0)
      expect(JSON.parse(result.stdout)).to.have.length(2)
      expect(result.stderr).to.equal('More results: add --offset 2, or --all for every page.\n')
    })

    it('control characters are escaped in tables and records, exact in JSON and CSV', async () => {
      const hostile = 'Eve \u001b]0;pwned\u0007\u001b[2J\u009b'
      // duo refuses control characters in what it sends, so the name is put in Duo's data (the
      // embedded sandbox's state) directly, as a directory sync or another tool could have.
      const configDir = tempConfigDir()
      const duo = (args: string[]) => runCli([...args, '--sandbox'], {configDir})
      expect((await duo(['users', 'create', '--username', 'eve', '--realname', 'Eve'])).code).to.equal(0)
      const stateFile = join(configDir, 'sandbox', 'state.json')
      const state = JSON.parse(readFileSync(stateFile, 'utf8')) as {users: Array<{realname: string; username: string}>}
      state.users.find((u) => u.username === 'eve')!.realname = hostile
      writeFileSync(stateFile, JSON.stringify(state))

      const record = await duo(['users', 'get', 'eve'])
      expect(record.stdout).to.contain('Eve ^[]0;pwned^G^[[2J\\u009b').and.not.contain('\u001b')
      const table = await duo(['users', 'list', '--username', 'eve', '--fields', 'username,realname'])
      expect(table.stdout).to.contain('^[[2J').and.not.contain('\u001b')
      expect(JSON.parse((await duo(['users', 'get', 'eve', '--json'])).stdout).realname).to.equal(hostile)
      const csv = await duo(['users', 'list', '--username', 'eve', '--csv', '--fields', 'realname'])
      expect(csv.stdout).to.equal(`realname\n${hostile}\n`)
      // A name typed with control characters is refused before any lookup, and the error shows none raw.
      const typed = await duo(['users', 'get', 'x\u001b[2Jy'])
      expect(typed.code).to.equal(2)
      expect(typed.stderr).to.contain('must not contain control characters').and.not.contain('\u001b')
    })
  })

  describe('"-" reads the file from standard input', () => {
    it('users import - creates the users piped in and leaves no copy behind', async () => {
      const configDir = tempConfigDir()
      const result = await runCli(['users', 'import', '-', '--sandbox', '--json'], {configDir, input: 'username,realname\npiped1,Piped One\npiped2,Piped Two\n'})
      expect(result.code, result.stderr).to.equal(0)
      expect(JSON.parse(result.stdout)).to.include({created: 2})
      const found = await runCli(['users', 'get', 'piped2', '--sandbox', '--json'], {configDir})
      expect(JSON.parse(found.stdout)).to.include({realname: 'Piped Two'})
      expect(readdirSync(join(configDir, 'stdin'))).to.deep.equal([])
    })

    it('an unfinished import from stdin keeps its journal in the config folder, named by the input\'s hash', async () => {
      const configDir = tempConfigDir()
      const input = 'username\nfresh\nalice\n'
      const result = await runCli(['users', 'import', '-', '--sandbox'], {configDir, input})
      expect(result.code).to.equal(1)
      const journal = join(configDir, 'stdin', `${createHash('sha256').update(input).digest('hex')}.duo-import.json`)
      expect(existsSync(journal), result.stderr).to.equal(true)
      expect(statSync(journal).mode & 0o777).to.equal(0o600)
      expect(result.stderr).to.contain(journal)
    })

    it('bulk - runs the operations piped in', async () => {
      const configDir = tempConfigDir()
      const input = JSON.stringify([{body: {username: 'bulkpiped'}, method: 'POST', path: '/admin/v1/users'}])
      const result = await runCli(['bulk', '-', '--sandbox', '--yes', '--json'], {configDir, input})
      expect(result.code, result.stderr).to.equal(0)
      expect((JSON.parse(result.stdout) as Array<{stat: string}>)[0].stat).to.equal('OK')
      expect((await runCli(['users', 'get', 'bulkpiped', '--sandbox'], {configDir})).code).to.equal(0)
    })

    it('an empty standard input is a usage error', async () => {
      const result = await runCli(['users', 'import', '-', '--sandbox'], {input: ''})
      expect(result.code).to.equal(2)
      expect(result.stderr).to.contain('Standard input was empty.')
    })
  })

  it('requests carry User-Agent: duo-cli/<version> (node <version>; <platform>)', async () => {
    const agents: string[] = []
    const server = createServer((request, response) => {
      agents.push(String(request.headers['user-agent']))
      response.setHeader('Content-Type', 'application/json')
      response.end(JSON.stringify({response: {user_id: 'DUAAAAAAAAAAAAAAAAAA', username: 'alice'}, stat: 'OK'}))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const {port} = server.address() as AddressInfo
      const env = {DUO_HOST: `http://127.0.0.1:${port}`, DUO_IKEY: 'DIAAAAAAAAAAAAAAAAAA', DUO_SKEY: 'a'.repeat(40)}
      const result = await runCli(['users', 'get', 'DUAAAAAAAAAAAAAAAAAA', '--json'], {env})
      expect(result.code, result.stderr).to.equal(0)
      const {version} = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as {version: string}
      expect(agents).to.deep.equal([`duo-cli/${version} (node ${process.versions.node}; ${process.platform})`])
    } finally {
      server.close()
    }
  })
})

import {expect} from 'chai'
import {readFileSync} from 'node:fs'

import {ROOT, runCli} from '../helpers/cli.js'

interface Manifest {
  commands: Record<string, {summary?: string; description?: string}>
}

// The manifest is what oclif builds from the command classes; help must show each command's id
// (space-separated) and its one-line summary under its topic.
const manifest = JSON.parse(readFileSync(`${ROOT}/oclif.manifest.json`, 'utf8')) as Manifest
const topics = Object.keys(JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')).oclif.topics as Record<string, unknown>)
const normalize = (text: string) => text.replaceAll(/\s+/g, ' ')

describe('help (built CLI)', function () {
  this.timeout(60_000)

  it('every command has a one-line summary', () => {
    for (const [id, command] of Object.entries(manifest.commands)) {
      expect(command.summary ?? '', id).to.match(/^\S[^\n]{5,100}$/)
    }
  })

  it('`duo --help` lists the topics and the top-level commands', async () => {
    const help = normalize((await runCli(['--help'])).stdout)
    for (const topic of ['users', 'groups', 'profiles', 'sandbox', 'serve']) expect(help).to.contain(topic)
    for (const id of ['api', 'bulk', 'doctor']) expect(help, id).to.contain(`${id} ${manifest.commands[id].summary}`)
  })

  for (const topic of topics.filter((t) => Object.keys(manifest.commands).some((id) => id.startsWith(`${t}:`)))) {
    it(`\`duo ${topic.replaceAll(':', ' ')} --help\` lists its commands with their summaries`, async () => {
      const result = await runCli([...topic.split(':'), '--help'])
      expect(result.code).to.equal(0)
      const help = normalize(result.stdout)
      const direct = Object.entries(manifest.commands).filter(([id]) => id.startsWith(`${topic}:`) && id.split(':').length === topic.split(':').length + 1)
      expect(direct.length, topic).to.be.greaterThan(0)
      for (const [id, command] of direct) expect(help, id).to.contain(`${id.replaceAll(':', ' ')} ${command.summary}`)
    })
  }
})

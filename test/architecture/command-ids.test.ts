// The bundle sorts command ids in code-unit order where oclif uses localeCompare, which costs every
// command ICU's collator (scripts/oclif-start-up.js). That is only the same order while ids stay
// lowercase words, colons and hyphens: this fails when an id would sort differently.
import {expect} from 'chai'
import {readFileSync} from 'node:fs'

const manifest = JSON.parse(readFileSync(new URL('../../oclif.manifest.json', import.meta.url), 'utf8')) as {commands: Record<string, unknown>}

describe('command ids', () => {
  const ids = Object.keys(manifest.commands)

  it('are lowercase words, colons and hyphens', () => {
    expect(ids.length).to.be.greaterThan(50)
    expect(ids.filter((id) => !/^[a-z]+(-[a-z]+)*(:[a-z]+(-[a-z]+)*)*$/.test(id))).to.deep.equal([])
  })

  it('sort the same in code-unit order as with localeCompare', () => {
    const byCodeUnit = [...ids, 'help'].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    expect(byCodeUnit).to.deep.equal([...ids, 'help'].sort((a, b) => a.localeCompare(b)))
  })
})

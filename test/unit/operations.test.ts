import {expect} from 'chai'
import {readFileSync} from 'node:fs'
import {parse} from 'yaml'

import {operations} from '../../src/core/catalog/index.js'

interface SeedOperation {
  method: string
  name: string
}
interface SeedTool {
  hints: {destructive: boolean; idempotent: boolean; readOnly: boolean}
  name: string
}

// The capability this project implements, bundled in the repository.
const seed = parse(readFileSync(new URL('../../capability/duo-admin-api.naftiko.yaml', import.meta.url), 'utf8'))
const consumed = new Map<string, {method: string; path: string}>()
for (const resource of seed.capability.consumes[0].resources as Array<{operations: SeedOperation[]; path: string}>) {
  for (const operation of resource.operations) consumed.set(operation.name, {method: operation.method, path: resource.path})
}

const mcp = seed.capability.exposes.find((e: {type: string}) => e.type === 'mcp')
const seedHints = new Map<string, SeedTool['hints']>((mcp.tools as SeedTool[]).map((t) => [t.name, t.hints]))

const inCapability = operations.filter((o) => consumed.has(o.name))

describe('operation catalog versus the capability file', () => {
  it('has every operation of the capability file, unmarked', () => {
    expect(consumed.size).to.be.greaterThan(0)
    const missing = [...consumed.keys()].filter((name) => !operations.some((o) => o.name === name))
    expect(missing).to.deep.equal([])
    expect(inCapability.filter((o) => o.beyondCapability).map((o) => o.name)).to.deep.equal([])
  })

  it('marks every other entry as beyond the capability', () => {
    const unmarked = operations.filter((o) => !consumed.has(o.name) && !o.beyondCapability).map((o) => o.name)
    expect(unmarked).to.deep.equal([])
  })

  it('names each operation once', () => {
    expect(new Set(operations.map((o) => o.name)).size).to.equal(operations.length)
  })

  for (const operation of inCapability) {
    it(`${operation.name}: same method and path as the seed`, () => {
      expect(consumed.get(operation.name)).to.deep.equal({method: operation.method, path: operation.path})
    })

    it(`${operation.name}: the seed's hints, or a documented correction`, () => {
      const expected = seedHints.get(operation.name)!
      const correctedKeys = Object.keys(operation.hintCorrection?.seed ?? {}) as Array<keyof typeof expected>
      for (const key of ['readOnly', 'destructive', 'idempotent'] as const) {
        if (correctedKeys.includes(key)) {
          expect(operation.hintCorrection!.seed[key], `${key} as the seed has it`).to.equal(expected[key])
          expect(operation.hints[key], `${key} corrected`).to.not.equal(expected[key])
          expect(operation.hintCorrection!.reason).to.have.length.greaterThan(20)
        } else {
          expect(operation.hints[key], key).to.equal(expected[key])
        }
      }
    })
  }

  it('declares every path placeholder as a required path parameter, in order', () => {
    for (const operation of operations) {
      const placeholders = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
      expect(operation.pathParams.map((p) => p.name), operation.name).to.deep.equal(placeholders)
      expect(operation.pathParams.every((p) => p.required)).to.equal(true)
    }
  })

  it('marks the capability\'s operations that remove access or reach a person as needing confirmation', () => {
    const confirmed = inCapability.filter((o) => o.needsConfirmation).map((o) => o.name).sort()
    expect(confirmed).to.deep.equal([
      'bulkoperations',
      'bulksenduserstotrash',
      'createuserbypasscodes',
      'deleteuser',
      'disassociateusergroup',
      'disassociateuserphone',
      'disassociateusertoken',
      'enrolluser',
      'sendverificationpush',
      'syncdirectoryuser',
    ])
  })

  it('gives paged operations limit and offset within Duo\'s documented bounds', () => {
    const users = operations.find((o) => o.name === 'listusers')!
    expect(users.paging).to.deep.equal({defaultLimit: 100, maxLimit: 300})
    const limit = users.params.find((p) => p.name === 'limit')!
    expect([limit.min, limit.max]).to.deep.equal([1, 300])
  })
})

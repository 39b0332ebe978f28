// Verification-push timing on a controlled clock: the dispatcher run directly, no HTTP.
import {expect} from 'chai'

import {execute} from '../../src/sandbox/dispatch.js'
import {ApiFailure} from '../../src/sandbox/envelope.js'
import type {SandboxEnv} from '../../src/sandbox/handlers/context.js'
import type {PushAnswer} from '../../src/sandbox/records.js'
import {matchRoute} from '../../src/core/routes.js'
import {seedData} from '../../src/sandbox/seed-data.js'
import {grantAllBut} from '../../src/sandbox/server.js'
import {SandboxState} from '../../src/sandbox/state.js'

function setup(answer: PushAnswer) {
  let now = 1_000_000
  const state = new SandboxState({ikey: 'DI', skey: 'S', version: 1, ...seedData(0)})
  const env: SandboxEnv = {accounts: {create: () => { throw new Error('no accounts') }, list: () => [], remove: () => false}, now: () => now, permissions: grantAllBut(), push: {answer, delayMs: 2000}, state}
  const run = (method: string, path: string, input: Record<string, unknown>) => {
    const match = matchRoute(method, path)
    if (match.kind !== 'found') throw new Error(`no route ${method} ${path}`)
    return execute(env, match.route, input).response as Record<string, string>
  }

  const alice = state.userByName('alice')!
  const {push_id: pushId} = run('POST', `/admin/v1/users/${alice.user_id}/send_verification_push`, {phone_id: alice.phone_ids[0]})
  const result = () => run('GET', `/admin/v1/users/${alice.user_id}/verification_push_response`, {push_id: pushId}).result
  return {advance: (ms: number) => (now += ms), result}
}

describe('sandbox: verification push timing', () => {
  it('waiting for pushDelayMs, then the configured answer, then 404 after 120 s', () => {
    const push = setup('approve')
    expect(push.result()).to.equal('waiting')
    push.advance(1999)
    expect(push.result()).to.equal('waiting')
    push.advance(1)
    expect(push.result()).to.equal('approve')
    push.advance(118_000)
    expect(push.result()).to.equal('approve')
    push.advance(1)
    expect(push.result).to.throw(ApiFailure).with.property('status', 404)
  })

  for (const answer of ['deny', 'fraud', 'waiting'] as const) {
    it(`pushAnswer ${answer}`, () => {
      const push = setup(answer)
      push.advance(5000)
      expect(push.result()).to.equal(answer)
    })
  }
})

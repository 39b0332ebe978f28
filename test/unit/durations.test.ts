import {expect} from 'chai'

import {formatSeconds, parseSeconds} from '../../src/core/durations.js'
import {UsageError} from '../../src/core/errors.js'

describe('time spans in seconds (--valid-secs and every *_secs flag)', () => {
  it('reads plain seconds and spans in s, m, h, d', () => {
    expect(['90', '90s', '15m', '12h', '7d', ' 1H ', '0'].map((t) => parseSeconds(t, '--valid-secs'))).to.deep.equal([90, 90, 900, 43_200, 604_800, 3600, 0])
  })

  it('refuses anything else with a usage error naming the flag', () => {
    for (const text of ['', '1.5h', '-5m', '10w', 'soon', '1h30m']) {
      expect(() => parseSeconds(text, '--valid-secs'), text).to.throw(UsageError, `--valid-secs "${text}" is not a time span`)
    }
  })

  it('says a span in its largest whole unit', () => {
    expect([86_400, 172_800, 3600, 5400, 90, 1].map((s) => formatSeconds(s))).to.deep.equal(['1 day', '2 days', '1 hour', '90 minutes', '90 seconds', '1 second'])
  })
})

import {expect} from 'chai'

import {
  basicAuthorization,
  canonicalizeParams,
  canonicalizeV2,
  canonicalizeV5,
  canonicalizeXDuoHeaders,
  encodeRfc3986,
  formatDuoDate,
  hmacHex,
  sha512Hex,
  signRequest,
} from '../../src/core/signing.js'

// Every vector below is copied from the test suites of Duo's official clients (duo_client_python tests/test_client.py, duo_api_nodejs tests/duo_sig.js).
const EMPTY_SHA512 =
  'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e'

describe('signing: parameter canonicalization', () => {
  it('encodes spaces as %20 and sorts keys', () => {
    expect(canonicalizeParams({username: 'root', realname: 'First Last'})).to.equal('realname=First%20Last&username=root')
  })

  it('escapes every reserved character, including !\'()*, but not ~', () => {
    const line = canonicalizeParams({
      digits: '0123456789',
      punctuation: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
      whitespace: '\t\n\u000B\u000C\r ',
    })
    expect(line).to.equal(
      'digits=0123456789&punctuation=%21%22%23%24%25%26%27%28%29%2A%2B%2C-.%2F%3A%3B%3C%3D%3E%3F%40%5B%5C%5D%5E_%60%7B%7C%7D~&whitespace=%09%0A%0B%0C%0D%20',
    )
  })

  it('sorts foo before foo_bar and repeats keys once per value, values sorted', () => {
    expect(canonicalizeParams({foo_bar: '2', foo: ['b', 'a']})).to.equal('foo=a&foo=b&foo_bar=2')
  })

  it('gives an empty line for no parameters and key= for an empty value', () => {
    expect(canonicalizeParams({})).to.equal('')
    expect(canonicalizeParams({alias1: ''})).to.equal('alias1=')
  })

  it('encodes + as %2B', () => {
    expect(encodeRfc3986('a+b c')).to.equal('a%2Bb%20c')
  })
})

describe('signing: TV-1 (v2, SHA-1 and SHA-512, unicode)', () => {
  const request = {
    date: 'Fri, 07 Dec 2012 17:18:00 -0000',
    host: 'foO.BAr52.cOm',
    method: 'PoSt',
    params: {
      '\u469a\u287b\u35d0\u8ef3\u6727\u502a\u0810\ud091\xc8\uc170':
        '\u0f45\u1a76\u341a\u654c\uc23f\u9b09\uabe2\u8343\u1b27\u60d0',
      '\u7449\u7e4b\uccfb\u59ff\ufe5f\u83b7\uadcc\u900c\ucfd1\u7813':
        '\u8db7\u5022\u92d3\u42ef\u207d\u8730\uacfe\u5617\u0946\u4e30',
      '\u7470\u9314\u901c\u9eae\u40d8\u4201\u82d8\u8c70\u1d31\ua042':
        '\u17d9\u0ba8\u9358\uaadf\ua42a\u48be\ufb96\u6fe9\ub7ff\u32f3',
      '\uc2c5\u2c1d\u2620\u3617\u96b3F\u8605\u20e8\uac21\u5934':
        '\ufba9\u41aa\ubd83\u840b\u2615\u3e6e\u652d\ua8b5\ud56bU',
    },
    path: '/Foo/BaR2/qux',
  }
  const skey = 'gtdfxv9YgVBYcF6dl2Eq17KUQJN2PLM2ODVTkvoT'
  const canonical = [
    'Fri, 07 Dec 2012 17:18:00 -0000',
    'POST',
    'foo.bar52.com',
    '/Foo/BaR2/qux',
    '%E4%9A%9A%E2%A1%BB%E3%97%90%E8%BB%B3%E6%9C%A7%E5%80%AA%E0%A0%90%ED%82%91%C3%88%EC%85%B0=%E0%BD%85%E1%A9%B6%E3%90%9A%E6%95%8C%EC%88%BF%E9%AC%89%EA%AF%A2%E8%8D%83%E1%AC%A7%E6%83%90&%E7%91%89%E7%B9%8B%EC%B3%BB%E5%A7%BF%EF%B9%9F%E8%8E%B7%EA%B7%8C%E9%80%8C%EC%BF%91%E7%A0%93=%E8%B6%B7%E5%80%A2%E9%8B%93%E4%8B%AF%E2%81%BD%E8%9C%B0%EA%B3%BE%E5%98%97%E0%A5%86%E4%B8%B0&%E7%91%B0%E9%8C%94%E9%80%9C%E9%BA%AE%E4%83%98%E4%88%81%E8%8B%98%E8%B1%B0%E1%B4%B1%EA%81%82=%E1%9F%99%E0%AE%A8%E9%8D%98%EA%AB%9F%EA%90%AA%E4%A2%BE%EF%AE%96%E6%BF%A9%EB%9F%BF%E3%8B%B3&%EC%8B%85%E2%B0%9D%E2%98%A0%E3%98%97%E9%9A%B3F%E8%98%85%E2%83%A8%EA%B0%A1%E5%A4%B4=%EF%AE%A9%E4%86%AA%EB%B6%83%E8%90%8B%E2%98%95%E3%B9%AE%E6%94%AD%EA%A2%B5%ED%95%ABU',
  ].join('\n')

  it('builds the canonical string byte for byte', () => {
    expect(canonicalizeV2(request)).to.equal(canonical)
  })

  it('signs with HMAC-SHA1', () => {
    expect(signRequest({digest: 'sha1', ikey: 'test_ikey', skey, version: 2}, request)).to.equal(
      'Basic dGVzdF9pa2V5OmYwMTgxMWNiYmY5NTYxNjIzYWI0NWI4OTMwOTYyNjdmZDQ2YTUxNzg=',
    )
    expect(hmacHex(skey, canonical, 'sha1')).to.equal('f01811cbbf9561623ab45b893096267fd46a5178')
  })

  it('signs with HMAC-SHA512', () => {
    const hex =
      '0508065035a03b2a1de2f453e629e791d180329e157f65df6b3e0f08299d4321e1c5c7a7c7ee6b9e5fc80d1fb6fbf3ad5eb7c44dd3b3985a02c37aca53ec3698'
    expect(hmacHex(skey, canonical, 'sha512')).to.equal(hex)
    expect(signRequest({digest: 'sha512', ikey: 'test_ikey', skey, version: 2}, request)).to.equal(
      basicAuthorization('test_ikey', hex),
    )
  })

  it('signs the v5 variant (parameters in line 5, empty body, no headers)', () => {
    expect(hmacHex(skey, canonicalizeV5(request), 'sha512')).to.equal(
      'de886475f5ee8cf32872a7c10869e4dce7a0038f8b0da01d903469c6240473dfd1abf98b40b34b9ad7fbc99d5df3f2279e7105fd9101c428b94faaeec5e179cf',
    )
  })
})

describe('signing: TV-2 and TV-3 (v2 and v5, ASCII)', () => {
  const base = {date: 'Tue, 21 Aug 2012 17:29:18 -0000', host: 'test.duosecurity.com', method: 'POST', path: '/test/v1'}
  const keys = {digest: 'sha512' as const, ikey: 'test_ikey', skey: 'test_skey'}

  it('TV-2: v2 canonical string and Authorization', () => {
    const request = {...base, params: {realname: 'First Last', username: 'root'}}
    expect(canonicalizeV2(request)).to.equal(
      'Tue, 21 Aug 2012 17:29:18 -0000\nPOST\ntest.duosecurity.com\n/test/v1\nrealname=First%20Last&username=root',
    )
    expect(signRequest({...keys, version: 2}, request)).to.equal(
      'Basic dGVzdF9pa2V5OjA0MmEzMGM2ODJiZDgzNmZjNWJhNDY3ODkxYTk1NmVhYTEwMDkxY2EwZjczYTdmYjM5NmFlZmQ1NmEzNTI5ZTU2OTMyZGVhNDI3YTY3MjEzYWY2NjRiYTY4NDE2ODlmZjIzMzZiN2EzNzM3NjZlYTVhYjdhYjlmZTI2MzgyMjZi',
    )
  })

  it('TV-3: v5 with a JSON body hashes the body and leaves line 5 empty', () => {
    const request = {...base, body: '{"realname":"First Last","username":"root"}', params: {}}
    expect(canonicalizeV5(request)).to.equal(
      [
        'Tue, 21 Aug 2012 17:29:18 -0000',
        'POST',
        'test.duosecurity.com',
        '/test/v1',
        '',
        '90a87eddaf3152f88132bc650b48eba1d1a1853a780c072303cec3d4f85631a0c5ef03d8c14d805af3212b4e5b7c82420970fc2e380ad91e1283028e7c476150',
        EMPTY_SHA512,
      ].join('\n'),
    )
    expect(signRequest({...keys, version: 5}, request)).to.equal(
      'Basic dGVzdF9pa2V5OjdkMDI0MDlhMTUyNzY0ODQzY2NjZDgyODRkYTE1M2IzZmI0NDZiYWFkNWY5OTg4ODYzMjVlMjRiYzljZDRhMjQ0ZGU4NWFkNGJmYTdlYTI4NWQ2ODIwOWYxNjA4MzU2NzNkOGI0ZjFlMWIyM2Q5Y2Q1MjFkMjZiZmU3ZjM2NmE0',
    )
  })

  it('refuses v5 with SHA-1', () => {
    expect(() => signRequest({...keys, digest: 'sha1', version: 5}, {...base, params: {}})).to.throw(/SHA512/)
  })
})

describe('signing: TV-4 (v5 with x-duo-date in the header hash)', () => {
  const date = 'Fri, 24 May 2024 12:00:00 -0000'
  const keys = {digest: 'sha512' as const, ikey: 'DIABCDEFGHIJKLMNOPQR', skey: 'testtesttesttesttesttesttesttesttesttest', version: 5 as const}
  const base = {date, host: 'api-xxxxxxxx.duosecurity.com', path: '/api/path', xDuoHeaders: {'x-duo-date': date}}

  it('hashes the header string', () => {
    expect(sha512Hex(canonicalizeXDuoHeaders({'x-duo-date': date}))).to.equal(
      'fa03691e132cfedf936dc9f9b86f7183697dd258d380fc55e3a91567a6cb4dac2ef24cac5df934ff39cd9fba99b3ed180a8a5cf234c27832b1c5660db2a9c15d',
    )
  })

  const cases: Array<[string, {body?: string; method: string; params: Record<string, string>}, string]> = [
    [
      'GET with foo=bar',
      {method: 'GET', params: {foo: 'bar'}},
      'Basic RElBQkNERUZHSElKS0xNTk9QUVI6ODhmZTgwZjNiMjQyYjk5MmY0YjMwMTQwOGQ1MjRhODg2Mjc0ZDNlZDBjNGM3YmQxODRlMWI0ZmYzNzhlNjhlYTA1ZDk0MzNjMDk5MzgwNzhjNDk1MTdhNmM0MjY0Yzk1MGJlOWZmNWNjMjhhZDJkNDQ4Y2VhMjRiYzkzODg3Y2E=',
    ],
    [
      'POST with body {"foo":"bar"}',
      {body: '{"foo":"bar"}', method: 'POST', params: {}},
      'Basic RElBQkNERUZHSElKS0xNTk9QUVI6NjQzNzcwYWYzMTAwNmM1ODRhNzU4ZDkyNjI1MGU0NmE5MGQ3OTEwMGQyMWY3YTAzMTNjM2U3N2Q2NGZhM2M1ZDJjOTRlMmM5MDgxYTJiNjUzNDNjYzNkNWYyZWQyMWY3MzAwZWE1MGIwMDY0MGNiMTc2MGYzMjMxOTIzMDdkMzc=',
    ],
    [
      'GET with no params',
      {method: 'GET', params: {}},
      'Basic RElBQkNERUZHSElKS0xNTk9QUVI6YzQ1NDYzOWQ3NWI0ZTNkOTliOGIxZDVlNDFjZDdiYjJkMmQ4YmE1NWY2ODExZjc4NmRmYjBlZGQ0ZmFjZDJmM2E1ZTZkNmM4MzdmMzFmNjgyNjcwNjMyNWI0ZWQ3ZGNkYzVmMTExNjQ5NDhlNTdhNzAzMmE1MjQ5OTBlMDE1ODM=',
    ],
    [
      'POST with body {}',
      {body: '{}', method: 'POST', params: {}},
      'Basic RElBQkNERUZHSElKS0xNTk9QUVI6MTJhMDVkNzgzYjJlNThlMzZmMzdkZjhhNjkwNzgzNTQ5NmZiZTIwZmIzZDA0YjE1MDM2YzgyYjE2OTRmYzU4ZDFjMDQ1MWI5MzdmYjliYTZlN2MyYjQ0ZDg5YjQ3M2FmNzA4MTY2MTgzZDIxNmFlYTEzZTUyNzQyYTU3ZjIzOWY=',
    ],
  ]
  for (const [name, request, expected] of cases) {
    it(name, () => {
      expect(signRequest(keys, {...base, ...request})).to.equal(expected)
    })
  }

  it('POST body hash matches the vector', () => {
    expect(sha512Hex('{"foo":"bar"}')).to.equal(
      '0db68ad4e41d3b26ba3fc48a5da7c9f616b813e77cb4e951187e1f2a37c2bad94041089f89f6012ee7b44e21f863c5d9553e3b665edae8640bb2274b555266eb',
    )
  })
})

describe('signing: TV-5 (v5 with a custom X-Duo header)', () => {
  const request = {
    body: '{"alpha":["a","b","c","d"],"data":"abc123","info":{"another":2,"test":1}}',
    date: 'Fri, 07 Dec 2012 17:18:00 -0000',
    host: 'foo.bar52.com',
    method: 'POST',
    params: {},
    path: '/Foo/BaR2/qux',
    xDuoHeaders: {'X-Duo-Header-1': 'header_value_1'},
  }

  it('matches the intermediate hashes and the Authorization', () => {
    expect(sha512Hex(request.body)).to.equal(
      'c30ca4ffc7fe4272aa6ae7a3c94cf71c11ed8ae7aaa32e81a401a59f1cef0866ccb02304380cdc48a813b1566c457653fa62736022f0cfeadcec8cd7c6233480',
    )
    expect(sha512Hex(canonicalizeXDuoHeaders(request.xDuoHeaders))).to.equal(
      '630b4bfe7e9abd03da2eee8f0a5d4e60a254ec880a839bcc2223bb5b9443e8ef24d58f0254f1f5934bf8c017ebd0fd5b1acf86766bdbe74185e712a4092df3ed',
    )
    expect(
      signRequest({digest: 'sha512', ikey: 'test_ikey', skey: 'gtdfxv9YgVBYcF6dl2Eq17KUQJN2PLM2ODVTkvoT', version: 5}, request),
    ).to.equal(
      'Basic dGVzdF9pa2V5OjY2MDc2NjEwOTcwYzIzMDU2YzhjZTBjNjZkZGQyZGIyZDBmMTA4NzZhODI1ODE0ZDkyZTllZTNkZDA0MTg5NzUyYzg4YTViZTc5ZDIwZjZkNTZjYWNjN2E5ZjE2YTZiOGU2OTVhMDAyOGE3ZjYwZWQyMTk0OTZhYzUzZGRmYWM3',
    )
  })

  it('lowercases then sorts header names', () => {
    expect(sha512Hex(canonicalizeXDuoHeaders({'X-Duo-B': 'header_value_2', 'x-duo-A': 'header_value_1'}))).to.equal(
      '60be11a30e0756f2ee2afdce1db849b987dcf86c1133394bd7bbbc9877920330c4d78aceacbb377ab8cbd9a8efe6a410fed4047376635ac71226ab46ca10d2b1',
    )
  })

  it('refuses foreign names, NUL bytes and duplicates', () => {
    expect(() => canonicalizeXDuoHeaders({'x-other': 'a'})).to.throw(/not an X-Duo header/)
    expect(() => canonicalizeXDuoHeaders({'x-duo-a': 'a\0b'})).to.throw(/NUL/)
    expect(() => canonicalizeXDuoHeaders({'X-Duo-A': 'a', 'x-duo-a': 'b'})).to.throw(/twice/)
  })
})

describe('signing: TV-6 (Duo sample credentials, v2 SHA-1)', () => {
  const keys = {digest: 'sha1' as const, ikey: 'DIWJ8X6AEYOR5OMC6TQ1', skey: 'Zh5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zLJ4Ep', version: 2 as const}
  const base = {
    date: 'Tue, 21 Aug 2012 17:29:18 -0000',
    host: 'api-xxxxxxxx.duosecurity.com',
    method: 'POST',
    params: {realname: 'First Last', username: 'root'},
  }

  it('/admin/v1/users', () => {
    expect(signRequest(keys, {...base, path: '/admin/v1/users'})).to.equal(
      'Basic RElXSjhYNkFFWU9SNU9NQzZUUTE6YzFlZjQzNzY3YzNlYjNiMzI1OGRiZGRjYTZmOGQwOTQxZTA4NWI5Mg==',
    )
  })

  it('/accounts/v1/account/list', () => {
    expect(signRequest(keys, {...base, path: '/accounts/v1/account/list'})).to.equal(
      'Basic RElXSjhYNkFFWU9SNU9NQzZUUTE6MmQ5N2Q2MTY2MzE5NzgxYjVhM2EwN2FmMzlkMzY2ZjQ5MTIzNGVkYw==',
    )
  })
})

describe('signing: date format', () => {
  it('formats like Python formatdate (-0000, two-digit day)', () => {
    expect(formatDuoDate(new Date(Date.UTC(2012, 11, 7, 17, 18, 0)))).to.equal('Fri, 07 Dec 2012 17:18:00 -0000')
  })
})

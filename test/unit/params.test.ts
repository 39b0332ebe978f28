// The parameter checks every surface relies on (CLI flags, REST bodies, MCP arguments, the sandbox):
// one row per rule, input as a caller sends it, and what goes on the wire or which problem is named.
import {expect} from 'chai'

import {type OperationName, getOperation} from '../../src/core/catalog/index.js'
import {checkParams, checkPathParams} from '../../src/core/params.js'

interface Row {
  rule: string
  operation: OperationName
  input: Record<string, unknown>
  /** What is sent, when the input is accepted. */
  sent?: Record<string, unknown>
  /** The parameter named, and words of the message, when it is refused. */
  refused?: {param: string; message: RegExp}
}

const rows: Row[] = [
  {input: {username: 'alice'}, operation: 'listusers', rule: 'a string passes as it is', sent: {username: 'alice'}},
  {input: {limit: 50, offset: '10'}, operation: 'listusers', rule: 'integers from JSON or argv are sent as decimal strings', sent: {limit: '50', offset: '10'}},
  {input: {limit: ' 7 '}, operation: 'listusers', rule: 'an integer string is trimmed', sent: {limit: '7'}},
  {input: {limit: '1.5'}, operation: 'listusers', refused: {message: /whole number/, param: 'limit'}, rule: 'a fraction is not an integer'},
  {input: {limit: 'ten'}, operation: 'listusers', refused: {message: /whole number/, param: 'limit'}, rule: 'words are not an integer'},
  {input: {limit: 0}, operation: 'listusers', refused: {message: /at least 1/, param: 'limit'}, rule: 'below the minimum'},
  {input: {limit: 301}, operation: 'listusers', refused: {message: /at most 300/, param: 'limit'}, rule: 'above the catalog maximum'},
  {input: {offset: -1}, operation: 'listusers', refused: {message: /at least 0/, param: 'offset'}, rule: 'a negative offset'},
  {input: {status: 'Disabled'}, operation: 'updateuser', rule: 'an enum matches case-insensitively and is sent as Duo spells it', sent: {status: 'disabled'}},
  {input: {status: 'gone'}, operation: 'updateuser', refused: {message: /one of active, bypass, disabled/, param: 'status'}, rule: 'a value outside the enum'},
  {input: {preserve_existing: 'true'}, operation: 'createuserbypasscodes', rule: 'a boolean from a string', sent: {preserve_existing: 'true'}},
  {input: {preserve_existing: 0}, operation: 'createuserbypasscodes', rule: 'a boolean from 0', sent: {preserve_existing: 'false'}},
  {input: {preserve_existing: 'yes'}, operation: 'createuserbypasscodes', refused: {message: /true or false/, param: 'preserve_existing'}, rule: 'a boolean from another word'},
  {input: {count: 11}, operation: 'createuserbypasscodes', refused: {message: /at most 10/, param: 'count'}, rule: 'more codes than Duo makes at once'},
  {input: {codes: '1234', count: 2}, operation: 'createuserbypasscodes', refused: {message: /cannot be combined with/, param: 'count'}, rule: 'exclusive parameters together'},
  {input: {user_id_list: 'DU1, DU2'}, operation: 'listusers', rule: 'an id list typed with commas is sent as a JSON array', sent: {user_id_list: '["DU1","DU2"]'}},
  {input: {user_id_list: ['DU1']}, operation: 'listusers', rule: 'an id list from JSON', sent: {user_id_list: '["DU1"]'}},
  {input: {user_id_list: '[]'}, operation: 'listusers', refused: {message: /must not be empty/, param: 'user_id_list'}, rule: 'an empty id list'},
  {input: {user_id_list: Array.from({length: 101}, (_, i) => `DU${i}`)}, operation: 'listusers', refused: {message: /at most 100/, param: 'user_id_list'}, rule: 'more ids than one call takes'},
  {input: {user_id_list: ['DU1', '']}, operation: 'listusers', refused: {message: /item 2/, param: 'user_id_list'}, rule: 'an empty id in the list'},
  {input: {users: [{username: 'a'}]}, operation: 'bulkcreateusers', rule: 'an object list is sent as a JSON array string', sent: {users: '[{"username":"a"}]'}},
  {input: {users: ['a']}, operation: 'bulkcreateusers', refused: {message: /must be an object/, param: 'users'}, rule: 'an object list of strings'},
  {input: {}, operation: 'createuser', refused: {message: /is required/, param: 'username'}, rule: 'a required parameter left out'},
  {input: {nickname: 'x', username: 'a'}, operation: 'createuser', refused: {message: /unknown parameter/, param: 'nickname'}, rule: 'a parameter the operation does not have'},
  {input: {aliases: 'alias1=a', alias1: 'b', username: 'a'}, operation: 'createuser', refused: {message: /cannot be combined/, param: 'aliases'}, rule: 'aliases with a legacy alias slot'},
  {input: {username: {nested: true}}, operation: 'createuser', refused: {message: /must be a string/, param: 'username'}, rule: 'an object where a string goes'},
  {
    input: {operations: [{method: 'POST', path: '/admin/v1/users', body: {username: 'a'}}]},
    operation: 'bulkoperations',
    rule: 'bulk operations stay structured JSON',
    sent: {operations: [{body: {username: 'a'}, method: 'POST', path: '/admin/v1/users'}]},
  },
  {input: {operations: [{path: '/admin/v1/users'}]}, operation: 'bulkoperations', refused: {message: /method and a path/, param: 'operations'}, rule: 'a bulk operation without a method'},
  {input: {operations: [{body: 'x', method: 'POST', path: '/p'}]}, operation: 'bulkoperations', refused: {message: /body must be an object/, param: 'operations'}, rule: 'a bulk operation whose body is not an object'},
]

describe('parameter checks (table)', () => {
  for (const row of rows) {
    it(`${row.operation}: ${row.rule}`, () => {
      const {params, problems} = checkParams(getOperation(row.operation), row.input)
      if (row.refused) {
        const problem = problems.find((p) => p.param === row.refused!.param)
        expect(problem, JSON.stringify(problems)).to.not.equal(undefined)
        expect(problem!.message).to.match(row.refused.message)
      } else {
        expect(problems).to.deep.equal([])
        expect(params).to.deep.equal(row.sent)
      }
    })
  }

  it('path parameters: every placeholder must have a non-empty value', () => {
    const operation = getOperation('disassociateusergroup')
    expect(checkPathParams(operation, {group_id: 'DG1', user_id: 'DU1'})).to.deep.equal([])
    expect(checkPathParams(operation, {group_id: ' ', user_id: 'DU1'}).map((p) => p.param)).to.deep.equal(['group_id'])
    expect(checkPathParams(operation, {}).map((p) => p.param)).to.deep.equal(['user_id', 'group_id'])
  })
})

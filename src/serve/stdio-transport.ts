// MCP over this process's stdin/stdout, one JSON-RPC message per line, as the SDK's stdio transport
// does, except that a line which is not JSON is answered with JSON-RPC's parse error (-32700) and a
// JSON line that is not a JSON-RPC message with invalid request (-32600), instead of being dropped:
// a client that sent one would otherwise wait for an answer that never comes.
import type {Transport} from '@modelcontextprotocol/sdk/shared/transport.js'
import {ErrorCode, type JSONRPCMessage, JSONRPCMessageSchema} from '@modelcontextprotocol/sdk/types.js'

export class LineStdioTransport implements Transport {
  onclose?: () => void
  onerror?: (error: Error) => void
  onmessage?: (message: JSONRPCMessage) => void
  private buffer = ''
  private readonly ondata = (chunk: Buffer) => {
    this.buffer += chunk.toString('utf8')
    let newline: number
    while ((newline = this.buffer.indexOf('\n')) !== -1) {
      const line = this.buffer.slice(0, newline).replace(/\r$/, '')
      this.buffer = this.buffer.slice(newline + 1)
      if (line.trim() !== '') this.receive(line)
    }
  }

  constructor(
    private readonly stdin: NodeJS.ReadableStream = process.stdin,
    private readonly stdout: NodeJS.WritableStream = process.stdout,
  ) {}

  async start(): Promise<void> {
    this.stdin.on('data', this.ondata)
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve) => {
      if (this.stdout.write(JSON.stringify(message) + '\n')) resolve()
      else this.stdout.once('drain', resolve)
    })
  }

  async close(): Promise<void> {
    this.stdin.off('data', this.ondata)
    this.stdin.pause()
    this.buffer = ''
    this.onclose?.()
  }

  private receive(line: string): void {
    let parsed: unknown
    try {
      parsed = JSON.parse(line)
    } catch {
      this.refuse(ErrorCode.ParseError, 'Parse error: the line is not valid JSON', null)
      return
    }

    const message = JSONRPCMessageSchema.safeParse(parsed)
    if (!message.success) {
      const id = typeof parsed === 'object' && parsed !== null && 'id' in parsed ? (parsed as {id: unknown}).id : null
      this.refuse(ErrorCode.InvalidRequest, 'Invalid request: not a JSON-RPC 2.0 message', typeof id === 'string' || typeof id === 'number' ? id : null)
      return
    }

    this.onmessage?.(message.data)
  }

  private refuse(code: number, message: string, id: null | number | string): void {
    // JSON-RPC answers a message it cannot read with id null; the SDK's type insists on an id.
    this.send({error: {code, message}, id, jsonrpc: '2.0'} as unknown as JSONRPCMessage).catch(() => {})
  }
}

// The child accounts' hosts: one loopback listener (port 0) per child, started and stopped with the
// sandbox. A spare is kept bound, so that an account created by a request has its host at once: a
// handler answers synchronously, and binding a port does not.
import type {IncomingMessage, ServerResponse} from 'node:http'

import {type Listener, listen} from './listener.js'

/** Serves one request on the host of the child `accountId`. */
export type ChildServe = (accountId: string, req: IncomingMessage, res: ServerResponse) => void

interface Host {
  listener: Listener
  /** The child it serves; none for the spare. */
  owner?: string
  received: number
}

export class ChildHosts {
  private readonly hosts: Host[] = []
  /** Reconciliations run one after another, so two requests never bind two hosts for one child. */
  private syncing: Promise<void> = Promise.resolve()

  constructor(
    private readonly address: string,
    private readonly serve: ChildServe,
  ) {}

  /**
   * A host for each of these children (new ones from the state file get one) and a spare; the hosts
   * of children gone are closed. Called before every request is answered; `children` is read when
   * its turn comes, so a child created meanwhile keeps its host.
   */
  sync(children: () => readonly string[]): Promise<void> {
    const run = this.syncing.then(() => this.reconcile(children()))
    this.syncing = run.catch(() => {})
    return run
  }

  private async reconcile(accountIds: readonly string[]): Promise<void> {
    const wanted = new Set(accountIds)
    for (const host of this.hosts.filter((h) => h.owner !== undefined && !wanted.has(h.owner))) await this.drop(host)
    const served = new Set(this.hosts.map((h) => h.owner))
    for (const id of accountIds) if (!served.has(id)) this.claim(id, await this.open())
    if (!this.hosts.some((h) => h.owner === undefined)) await this.open()
  }

  /** The url of a child's host. */
  url(accountId: string): string {
    return this.of(accountId).listener.url
  }

  /** Gives the spare to a new child (sync() left one); the next sync() binds another. */
  assign(accountId: string): string {
    const spare = this.hosts.find((h) => h.owner === undefined)
    if (!spare) throw new Error('no spare child host: sync() runs before each request')
    return this.claim(accountId, spare)
  }

  /** Closes a deleted child's host: it answers nothing more. */
  release(accountId: string): void {
    const host = this.hosts.find((h) => h.owner === accountId)
    if (host) void this.drop(host)
  }

  port(accountId: string): number {
    return this.of(accountId).listener.port
  }

  requestCount(accountId: string): number {
    return this.of(accountId).received
  }

  async close(): Promise<void> {
    await Promise.all(this.hosts.splice(0).map((host) => host.listener.close()))
  }

  private claim(accountId: string, host: Host): string {
    host.owner = accountId
    return host.listener.url
  }

  private async open(): Promise<Host> {
    // The listener's handler reads the host's owner at each request: a spare gets one later.
    const host: Omit<Host, 'listener'> = {received: 0}
    const listener = await listen(this.address, 0, (req, res) => {
      host.received++
      // A spare answers nothing: no account has its host yet.
      if (host.owner === undefined) res.socket?.destroy()
      else this.serve(host.owner, req, res)
    })
    const bound = Object.assign(host, {listener})
    this.hosts.push(bound)
    return bound
  }

  private async drop(host: Host): Promise<void> {
    this.hosts.splice(this.hosts.indexOf(host), 1)
    await host.listener.close()
  }

  private of(accountId: string): Host {
    const host = this.hosts.find((h) => h.owner === accountId)
    if (!host) throw new Error(`no host for child account ${accountId}`)
    return host
  }
}

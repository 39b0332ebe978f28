// The Duo objects the layers above core pass around, with the fields they rely on. Duo sends more;
// the rest travels along untouched (--json prints Duo's object as it came).

export interface DuoUser {
  user_id: string
  username: string
  [field: string]: unknown
}

/** A user named on the command line (or by an agent), and the id it resolved to. */
export type UserTarget = {
  user: string
  user_id: string
}

/** A phone as Duo's /admin/v1/phones returns it, with the users it is attached to. */
export interface DuoPhone {
  phone_id: string
  number: string
  platform: string
  type: string
  activated: boolean
  users: DuoUser[]
  [field: string]: unknown
}

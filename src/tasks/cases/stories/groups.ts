// Group membership as the cases see it: a group named by name (case-insensitively, as Duo's Admin
// Panel compares them) or by id.
import type {FactsUser} from '../user-facts.js'

export function memberOf(user: FactsUser, group: string): boolean {
  const wanted = group.toLowerCase()
  return user.groups.some((g) => g.group_id === group || g.name.toLowerCase() === wanted)
}

// A child account's billing (duo_client_python's AccountAdmin.get_edition, get_telephony_credits),
// answered on the child's own host. duo_client_python reads billing only for a child; what Duo
// answers on a parent's own host is unconfirmed, so the sandbox refuses it there, saying why.
import {invalidParams} from '../envelope.js'
import type {Handler, HandlerContext, Handlers} from './context.js'

function childOf(ctx: HandlerContext) {
  if (!ctx.child) throw invalidParams('billing is read for a child account: send it to the child\'s api_hostname with its account_id')
  return ctx.child
}

const getbillingedition: Handler = (ctx) => ({response: {edition: childOf(ctx).billing.edition}})

const gettelephonycredits: Handler = (ctx) => ({response: {credits: childOf(ctx).billing.telephony_credits}})

export const billingHandlers = {getbillingedition, gettelephonycredits} satisfies Handlers

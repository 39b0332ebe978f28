// A QR code drawn with text characters, for a person to scan from a terminal (a shared screen).
// qrcode is loaded only when one is drawn.
export async function terminalQr(text: string): Promise<string> {
  const {toString} = await import('qrcode')
  return toString(text, {errorCorrectionLevel: 'M', small: true, type: 'terminal'})
}

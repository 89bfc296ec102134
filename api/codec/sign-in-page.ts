/** The one page a supervisor needs to let the Temporal Web UI decode payloads: paste a token, get a cookie. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (body: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>OneThing codec sign-in</title>
<style>body{font:15px system-ui,sans-serif;max-width:44rem;margin:3rem auto;padding:0 1rem}
textarea{width:100%;height:7rem;font:12px monospace}button{font-size:15px;padding:.4rem 1rem}
code{background:#f3f3f3;padding:0 .2rem}</style></head><body>${body}</body></html>`;

export function signInPage(): string {
  return page(`<h1>Decode cases in the Temporal Web UI</h1>
<p>Paste your OneThing token (supervisor or auditor). It is kept in an HttpOnly cookie for this codec server only,
until the token expires.</p>
<form method="post" action="/codec/session">
<textarea name="token" required autocomplete="off" spellcheck="false"></textarea>
<p><button type="submit">Sign in</button></p></form>`);
}

export function signedInPage(userId: string, uiCodecEndpoint: string): string {
  return page(`<h1>Signed in as ${escapeHtml(userId)}</h1>
<p>In the Temporal Web UI open <b>Codec Server</b> (the settings entry in the navigation), set the endpoint to
<code>${escapeHtml(uiCodecEndpoint)}</code>, tick <b>Include cross-origin credentials</b> and choose to use your
browser setting. Workflow inputs, results and failures are then shown decrypted.</p>
<form method="post" action="/codec/session/sign-out"><button type="submit">Sign out</button></form>`);
}

export function signedOutPage(): string {
  return page('<h1>Signed out</h1><p>The Web UI shows ciphertext again.</p>');
}

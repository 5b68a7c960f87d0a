// Lambda REQUEST authorizer (HTTP API, simple responses) of POST /feedback: checks X-API-Key against
// PIGEONHOLE_API_KEYS. On Lambda the keys come from the SSM SecureString named by PIGEONHOLE_API_KEYS_PARAMETER,
// read once per cold start; PIGEONHOLE_API_KEYS itself, when set, takes precedence (local tests).
import { clientFor, parseKeys } from './keys.mjs';

let keys;

async function loadKeys() {
  if (process.env.PIGEONHOLE_API_KEYS) {
    return parseKeys(process.env.PIGEONHOLE_API_KEYS);
  }
  // Bundled with the nodejs20.x runtime: nothing to package.
  const { SSMClient, GetParameterCommand } = await import('@aws-sdk/client-ssm');
  const answer = await new SSMClient({}).send(new GetParameterCommand({
    Name: process.env.PIGEONHOLE_API_KEYS_PARAMETER,
    WithDecryption: true,
  }));
  return parseKeys(answer.Parameter.Value);
}

export async function handler(event) {
  keys ??= await loadKeys();
  const headers = event.headers ?? {};
  const clientId = clientFor(keys, headers['x-api-key']);
  if (clientId === null) {
    return { isAuthorized: false };
  }
  return { isAuthorized: true, context: { clientId } };
}

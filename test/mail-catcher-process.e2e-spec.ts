import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { childNodeArgs, eventually, freePort } from '#libs/testing';

const CATCHER_ENTRY = 'dist/apps/mail-catcher/src/main.js';

/** The mail catcher `npm start` runs, as its own process. */
describe('the mail catcher process', () => {
  let catcher: ChildProcess | undefined;
  let client: Socket | undefined;

  afterEach(async () => {
    client?.destroy();
    if (catcher && catcher.exitCode === null && catcher.signalCode === null) {
      catcher.kill('SIGKILL');
      await once(catcher, 'exit');
    }
  });

  it('on SIGTERM closes an open SMTP connection, such as a sender pool, and exits at once', async () => {
    const smtpPort = await freePort();
    catcher = spawn(process.execPath, childNodeArgs(CATCHER_ENTRY, String(smtpPort), String(await freePort())), { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    catcher.stdout!.on('data', (chunk) => (output += chunk));
    catcher.stderr!.on('data', (chunk) => (output += chunk));
    await eventually(() => output.includes('Mail catcher: SMTP on'));

    let said = '';
    client = connect(smtpPort, '127.0.0.1');
    client.on('data', (chunk: Buffer) => (said += chunk.toString()));
    client.on('error', () => undefined);
    await eventually(() => said.startsWith('220'));

    const exited = once(catcher, 'exit');
    catcher.kill('SIGTERM');
    // Well inside the 30 s the SMTP server would otherwise wait for the connection to close.
    await eventually(() => catcher!.exitCode !== null, { timeoutMs: 10_000 });
    expect(await exited).toEqual([0, null]);
    expect(said).toContain('421');
  });
});

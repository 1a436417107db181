/** Registers one ipcMain handler per contract channel: sender check, validation, envelope. */
import { ipcMain } from 'electron';
import { channels, IPC_PREFIX, type Handlers } from '../../shared/ipc';
import { fail } from '../../shared/result';
import { dispatch } from '../services/dispatch';
import { isTrustedSender } from './security';

export function registerIpc(handlers: Handlers) {
  for (const channel of channels) {
    ipcMain.handle(IPC_PREFIX + channel, (event, args: unknown) => {
      if (!isTrustedSender(event.senderFrame)) return fail('not-allowed', 'Request refused.');
      // Hidden channels (the dropped-file path) are reachable only through the preload's own methods.
      return dispatch(handlers, channel, args, { allowHidden: true });
    });
  }
}

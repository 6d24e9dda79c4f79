/**
 * The desks a sync suite opens: each a real desk (harness/desk.ts) enrolled with a fresh code and
 * reaching the server through its own fault proxy; closed together at the end of the suite.
 */
import { Desk } from './desk';
import { FaultProxy } from './fault-proxy';
import { issueCode } from './server';

export interface FleetDesk {
  desk: Desk;
  proxy: FaultProxy;
}

export const deskFleet = (serverUrl: () => string) => {
  const opened: FleetDesk[] = [];
  return {
    /** Enrolls a started desk at the station, behind a new proxy. */
    async open(stationId: string, name: string): Promise<FleetDesk> {
      const proxy = await FaultProxy.start(serverUrl());
      const desk = await Desk.open(name, proxy.url, await issueCode(serverUrl(), stationId));
      await desk.start();
      const entry = { desk, proxy };
      opened.push(entry);
      return entry;
    },
    async closeAll(): Promise<void> {
      for (const { desk, proxy } of opened) {
        await desk.close();
        await proxy.close();
      }
    },
  };
};

import { Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';

export const stationRoom = (stationId: string) => `station:${stationId}`;
export const storeRoom = (storeId: string) => `store:${storeId}`;

/**
 * Emits to the `/stations` namespace from anywhere in the lib. Rooms go through the Socket.IO
 * adapter, so with Redis an event reaches a station connected to any replica.
 */
@Injectable()
export class StationsHub {
  private namespace?: Namespace;

  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  /** Shutting down: nothing more is emitted, so nothing is published on a Redis connection being closed. */
  detach(): void {
    this.namespace = undefined;
  }

  toStation(stationId: string, event: string, payload: unknown): void {
    this.namespace?.to(stationRoom(stationId)).emit(event, payload);
  }

  toStore(storeId: string, event: string, payload: unknown): void {
    this.namespace?.to(storeRoom(storeId)).emit(event, payload);
  }

  /** Closes every socket of the station on every replica (its token changed). */
  disconnectStation(stationId: string): void {
    this.namespace?.in(stationRoom(stationId)).disconnectSockets(true);
  }
}

import { Injectable } from '@nestjs/common';

/**
 * "Now" for everything time-driven here (reminders, retries, leases). One injectable object, so a
 * test moves time forward instead of sleeping: `jest.spyOn(app.get(NotificationsClock), 'now')`.
 */
@Injectable()
export class NotificationsClock {
  now(): Date {
    return new Date();
  }
}

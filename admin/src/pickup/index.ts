export { addDays, localClock } from './clock';
export { BusyModeControl } from './busy-mode';
export { CapacityRuleCreate, CapacityRuleEdit, CapacityRuleList } from './capacity-rules';
export { PickupDayPage } from './pickup-day';
export { PickupExceptionCreate, PickupExceptionEdit, PickupExceptionList } from './pickup-exceptions';
export { PickupSchedulePage } from './pickup-schedule';

import type { ManualMovementKind, StockMovementKind, StockUnit } from '../types';

const units: StockUnit[] = ['pcs', 'g', 'ml'];
export const unitChoices = units.map((id) => ({ id, name: `kassa.units.${id}` }));

const kinds: StockMovementKind[] = ['delivery', 'adjustment', 'count', 'waste', 'sale', 'reservation', 'release', 'return'];
export const movementKindChoices = kinds.map((id) => ({ id, name: `kassa.movement_kinds.${id}` }));

/** The movements staff record by hand, in the order the row offers them. */
export const manualKinds: ManualMovementKind[] = ['adjustment', 'delivery', 'count', 'waste'];

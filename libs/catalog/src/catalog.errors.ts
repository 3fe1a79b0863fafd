import { ErrorStatus, FieldProblem, KassaError } from '@kassa/shared';

export enum CatalogErrorCode {
  CATEGORY_NOT_FOUND = 'CATEGORY_NOT_FOUND',
  PRODUCT_NOT_FOUND = 'PRODUCT_NOT_FOUND',
  MODIFIER_GROUP_NOT_FOUND = 'MODIFIER_GROUP_NOT_FOUND',
  OVERRIDE_NOT_FOUND = 'OVERRIDE_NOT_FOUND',
  CATEGORY_IN_USE = 'CATEGORY_IN_USE',
  MODIFIER_GROUP_IN_USE = 'MODIFIER_GROUP_IN_USE',
  SKU_TAKEN = 'SKU_TAKEN',
  BARCODE_TAKEN = 'BARCODE_TAKEN',
  OVERRIDE_EXISTS = 'OVERRIDE_EXISTS',
  INVALID_BARCODE = 'INVALID_BARCODE',
  INVALID_VAT_RATE = 'INVALID_VAT_RATE',
  INVALID_CATEGORY = 'INVALID_CATEGORY',
  INVALID_PRODUCT = 'INVALID_PRODUCT',
  INVALID_MODIFIER_GROUP = 'INVALID_MODIFIER_GROUP',
  INVALID_QUANTITY = 'INVALID_QUANTITY',
  PRODUCT_UNAVAILABLE = 'PRODUCT_UNAVAILABLE',
  INVALID_MODIFIERS = 'INVALID_MODIFIERS',
  IMPORT_INVALID = 'IMPORT_INVALID',
  NO_ORGANISATION = 'NO_ORGANISATION',
}

const STATUS: Record<CatalogErrorCode, ErrorStatus> = {
  [CatalogErrorCode.CATEGORY_NOT_FOUND]: 404,
  [CatalogErrorCode.PRODUCT_NOT_FOUND]: 404,
  [CatalogErrorCode.MODIFIER_GROUP_NOT_FOUND]: 404,
  [CatalogErrorCode.OVERRIDE_NOT_FOUND]: 404,
  [CatalogErrorCode.CATEGORY_IN_USE]: 409,
  [CatalogErrorCode.MODIFIER_GROUP_IN_USE]: 409,
  [CatalogErrorCode.SKU_TAKEN]: 409,
  [CatalogErrorCode.BARCODE_TAKEN]: 409,
  [CatalogErrorCode.OVERRIDE_EXISTS]: 409,
  [CatalogErrorCode.INVALID_BARCODE]: 400,
  [CatalogErrorCode.INVALID_VAT_RATE]: 422,
  [CatalogErrorCode.INVALID_CATEGORY]: 422,
  [CatalogErrorCode.INVALID_PRODUCT]: 422,
  [CatalogErrorCode.INVALID_MODIFIER_GROUP]: 422,
  [CatalogErrorCode.INVALID_QUANTITY]: 400,
  [CatalogErrorCode.PRODUCT_UNAVAILABLE]: 422,
  [CatalogErrorCode.INVALID_MODIFIERS]: 422,
  [CatalogErrorCode.IMPORT_INVALID]: 422,
  [CatalogErrorCode.NO_ORGANISATION]: 422,
};

export class CatalogError extends KassaError<CatalogErrorCode> {
  get status(): ErrorStatus {
    return STATUS[this.code];
  }

  static notFound(code: CatalogErrorCode, what: string, id: string): CatalogError {
    return new CatalogError(code, `${what} ${id} was not found`);
  }

  /** A refusal naming each field; the message repeats them for logs and notifications. */
  static refused(code: CatalogErrorCode, details: readonly FieldProblem[], summary?: string): CatalogError {
    const listed = details.map((d) => `${d.field}: ${d.reason}`).join('; ');
    return new CatalogError(code, summary ? `${summary}: ${listed}` : listed, details);
  }
}

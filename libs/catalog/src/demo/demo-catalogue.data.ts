import { withCheckDigit } from '../rules/barcode';

/** A believable Swedish café and deli: 12 % VAT on food and drink, 25 % on goods that are not food. */
export type DemoStock =
  | { readonly mode: 'untracked' }
  | { readonly mode: 'tracked'; readonly onHand: number }
  | { readonly mode: 'recipe'; readonly ingredients: ReadonlyArray<{ readonly ingredient: DemoIngredientKey; readonly quantity: number }> };

export type DemoIngredientKey = 'beans' | 'milk' | 'oat' | 'tea';
export type DemoGroupKey = 'size' | 'milk' | 'extras';

export interface DemoProduct {
  readonly sku: string;
  readonly category: string;
  readonly nameSv: string;
  readonly nameEn: string;
  readonly descriptionSv: string;
  readonly descriptionEn: string;
  readonly price: number;
  readonly vatRate: number;
  readonly barcode?: string;
  readonly prepMinutes: number;
  readonly prepMinutesPerExtraUnit?: number;
  readonly channels?: ReadonlyArray<'online' | 'pos'>;
  readonly groups?: readonly DemoGroupKey[];
  readonly stock: DemoStock;
}

export const DEMO_CATEGORIES: ReadonlyArray<{ readonly nameSv: string; readonly nameEn: string }> = [
  { nameSv: 'Kaffe', nameEn: 'Coffee' },
  { nameSv: 'Te', nameEn: 'Tea' },
  { nameSv: 'Bakverk', nameEn: 'Pastries' },
  { nameSv: 'Smörgåsar', nameEn: 'Sandwiches' },
  { nameSv: 'Sallader', nameEn: 'Salads' },
  { nameSv: 'Dryck', nameEn: 'Drinks' },
  { nameSv: 'Deli & Butik', nameEn: 'Deli & Shop' },
];

export const DEMO_GROUPS: Record<DemoGroupKey, { nameSv: string; nameEn: string; min: number; max: number; options: Array<[string, string, number]> }> = {
  size: { nameSv: 'Storlek', nameEn: 'Size', min: 1, max: 1, options: [['Liten', 'Small', 0], ['Stor', 'Large', 1000]] },
  milk: { nameSv: 'Mjölk', nameEn: 'Milk', min: 0, max: 1, options: [['Standard', 'Regular', 0], ['Havre', 'Oat', 500], ['Laktosfri', 'Lactose-free', 0]] },
  extras: { nameSv: 'Extra', nameEn: 'Extras', min: 0, max: 3, options: [['Extra shot', 'Extra shot', 800], ['Vaniljsirap', 'Vanilla syrup', 600], ['Kolasirap', 'Caramel syrup', 600]] },
};

export const DEMO_INGREDIENTS: Record<DemoIngredientKey, { sku: string; name: string; unit: 'g' | 'ml' | 'pcs'; delivered: number }> = {
  beans: { sku: 'ING-KAFFEBONOR', name: 'Kaffebönor', unit: 'g', delivered: 5000 },
  milk: { sku: 'ING-MJOLK', name: 'Mjölk', unit: 'ml', delivered: 20000 },
  oat: { sku: 'ING-HAVREDRYCK', name: 'Havredryck', unit: 'ml', delivered: 6000 },
  tea: { sku: 'ING-TEPASE', name: 'Tepåse', unit: 'pcs', delivered: 200 },
};

// 73 is Sweden's GS1 prefix; the company part is made up, the check digits are real.
const ean = (item: string) => withCheckDigit(`7350123${item}`);

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  { sku: 'KAFFE-BRYGG', category: 'Kaffe', nameSv: 'Bryggkaffe', nameEn: 'Filter coffee', descriptionSv: 'Dagens bryggkaffe, påtår ingår.', descriptionEn: 'Filter coffee of the day, free refill.', price: 3500, vatRate: 1200, prepMinutes: 1, groups: ['size'], stock: { mode: 'recipe', ingredients: [{ ingredient: 'beans', quantity: 12 }] } },
  { sku: 'KAFFE-ESPRESSO', category: 'Kaffe', nameSv: 'Espresso', nameEn: 'Espresso', descriptionSv: 'Dubbel espresso på vår husblandning.', descriptionEn: 'Double espresso of our house blend.', price: 3200, vatRate: 1200, prepMinutes: 2, prepMinutesPerExtraUnit: 1, groups: ['extras'], stock: { mode: 'recipe', ingredients: [{ ingredient: 'beans', quantity: 18 }] } },
  { sku: 'KAFFE-CAPPUCCINO', category: 'Kaffe', nameSv: 'Cappuccino', nameEn: 'Cappuccino', descriptionSv: 'Espresso med ångad mjölk och tjockt skum.', descriptionEn: 'Espresso with steamed milk and thick foam.', price: 4500, vatRate: 1200, prepMinutes: 3, prepMinutesPerExtraUnit: 1, groups: ['size', 'milk', 'extras'], stock: { mode: 'recipe', ingredients: [{ ingredient: 'beans', quantity: 18 }, { ingredient: 'milk', quantity: 150 }] } },
  { sku: 'KAFFE-LATTE', category: 'Kaffe', nameSv: 'Caffè latte', nameEn: 'Caffè latte', descriptionSv: 'Espresso med mycket ångad mjölk.', descriptionEn: 'Espresso with plenty of steamed milk.', price: 4900, vatRate: 1200, prepMinutes: 3, prepMinutesPerExtraUnit: 1, groups: ['size', 'milk', 'extras'], stock: { mode: 'recipe', ingredients: [{ ingredient: 'beans', quantity: 18 }, { ingredient: 'milk', quantity: 200 }] } },
  { sku: 'KAFFE-FLATWHITE', category: 'Kaffe', nameSv: 'Flat white', nameEn: 'Flat white', descriptionSv: 'Dubbel ristretto med sammetslen mjölk.', descriptionEn: 'Double ristretto with velvety milk.', price: 4800, vatRate: 1200, prepMinutes: 3, prepMinutesPerExtraUnit: 1, groups: ['milk', 'extras'], stock: { mode: 'recipe', ingredients: [{ ingredient: 'beans', quantity: 18 }, { ingredient: 'milk', quantity: 120 }] } },
  { sku: 'KAFFE-ISKAFFE', category: 'Kaffe', nameSv: 'Iskaffe', nameEn: 'Iced coffee', descriptionSv: 'Kallbryggt kaffe på is.', descriptionEn: 'Cold brew over ice.', price: 4900, vatRate: 1200, prepMinutes: 2, groups: ['milk'], stock: { mode: 'untracked' } },
  { sku: 'TE-SVART', category: 'Te', nameSv: 'Te', nameEn: 'Tea', descriptionSv: 'Svart eller grönt te från Kahls.', descriptionEn: 'Black or green tea from Kahls.', price: 3200, vatRate: 1200, prepMinutes: 1, stock: { mode: 'recipe', ingredients: [{ ingredient: 'tea', quantity: 1 }] } },
  { sku: 'TE-CHAI', category: 'Te', nameSv: 'Chai latte', nameEn: 'Chai latte', descriptionSv: 'Kryddig chai med ångad mjölk.', descriptionEn: 'Spiced chai with steamed milk.', price: 4900, vatRate: 1200, prepMinutes: 3, groups: ['size', 'milk'], stock: { mode: 'untracked' } },
  { sku: 'BAK-KANELBULLE', category: 'Bakverk', nameSv: 'Kanelbulle', nameEn: 'Cinnamon bun', descriptionSv: 'Nybakad varje morgon, med pärlsocker.', descriptionEn: 'Baked every morning, with pearl sugar.', price: 3900, vatRate: 1200, prepMinutes: 0, stock: { mode: 'tracked', onHand: 40 } },
  { sku: 'BAK-KARDEMUMMA', category: 'Bakverk', nameSv: 'Kardemummabulle', nameEn: 'Cardamom bun', descriptionSv: 'Knuten bulle med nymald kardemumma.', descriptionEn: 'Knotted bun with freshly ground cardamom.', price: 4200, vatRate: 1200, prepMinutes: 0, stock: { mode: 'tracked', onHand: 30 } },
  { sku: 'BAK-CHOKLADBOLL', category: 'Bakverk', nameSv: 'Chokladboll', nameEn: 'Chocolate ball', descriptionSv: 'Rullad i kokos.', descriptionEn: 'Rolled in coconut.', price: 2900, vatRate: 1200, prepMinutes: 0, stock: { mode: 'tracked', onHand: 25 } },
  { sku: 'BAK-MOROTSKAKA', category: 'Bakverk', nameSv: 'Morotskaka', nameEn: 'Carrot cake', descriptionSv: 'Med färskostfrosting.', descriptionEn: 'With cream cheese frosting.', price: 5200, vatRate: 1200, prepMinutes: 1, stock: { mode: 'untracked' } },
  { sku: 'BAK-PRINSESS', category: 'Bakverk', nameSv: 'Prinsesstårtbit', nameEn: 'Princess cake slice', descriptionSv: 'Klassisk prinsesstårta med grön marsipan.', descriptionEn: 'Classic princess cake with green marzipan.', price: 5900, vatRate: 1200, prepMinutes: 1, stock: { mode: 'untracked' } },
  { sku: 'SMG-RAKSMORGAS', category: 'Smörgåsar', nameSv: 'Räksmörgås', nameEn: 'Shrimp sandwich', descriptionSv: 'Handskalade räkor, ägg och majonnäs på surdegsbröd.', descriptionEn: 'Hand-peeled shrimp, egg and mayonnaise on sourdough.', price: 11900, vatRate: 1200, prepMinutes: 6, prepMinutesPerExtraUnit: 3, stock: { mode: 'untracked' } },
  { sku: 'SMG-OSTSKINKA', category: 'Smörgåsar', nameSv: 'Fralla ost & skinka', nameEn: 'Ham & cheese roll', descriptionSv: 'Grillad fralla med Västerbottensost.', descriptionEn: 'Toasted roll with Västerbotten cheese.', price: 6900, vatRate: 1200, prepMinutes: 4, prepMinutesPerExtraUnit: 1, stock: { mode: 'untracked' } },
  { sku: 'SMG-HUMMUS', category: 'Smörgåsar', nameSv: 'Vegansk hummusmacka', nameEn: 'Vegan hummus sandwich', descriptionSv: 'Hummus, rostad paprika och groddar.', descriptionEn: 'Hummus, roasted pepper and sprouts.', price: 7900, vatRate: 1200, prepMinutes: 4, prepMinutesPerExtraUnit: 2, stock: { mode: 'untracked' } },
  { sku: 'SAL-KYCKLING', category: 'Sallader', nameSv: 'Kycklingsallad', nameEn: 'Chicken salad', descriptionSv: 'Grillad kyckling, quinoa och rostade rotfrukter.', descriptionEn: 'Grilled chicken, quinoa and roasted root vegetables.', price: 12900, vatRate: 1200, prepMinutes: 6, prepMinutesPerExtraUnit: 2, stock: { mode: 'untracked' } },
  { sku: 'SAL-HALLOUMI', category: 'Sallader', nameSv: 'Halloumisallad', nameEn: 'Halloumi salad', descriptionSv: 'Stekt halloumi, granatäpple och bulgur.', descriptionEn: 'Fried halloumi, pomegranate and bulgur.', price: 12500, vatRate: 1200, prepMinutes: 6, prepMinutesPerExtraUnit: 2, stock: { mode: 'untracked' } },
  { sku: 'DRK-APELSINJUICE', category: 'Dryck', nameSv: 'Färskpressad apelsinjuice', nameEn: 'Fresh orange juice', descriptionSv: 'Pressad när du beställer.', descriptionEn: 'Squeezed when you order.', price: 4500, vatRate: 1200, prepMinutes: 2, stock: { mode: 'untracked' } },
  { sku: 'DRK-LEMONAD', category: 'Dryck', nameSv: 'Hemgjord lemonad', nameEn: 'Homemade lemonade', descriptionSv: 'Citron och fläder.', descriptionEn: 'Lemon and elderflower.', price: 3900, vatRate: 1200, prepMinutes: 1, stock: { mode: 'untracked' } },
  { sku: 'DRK-MINERALVATTEN', category: 'Dryck', nameSv: 'Mineralvatten 33 cl', nameEn: 'Sparkling water 33 cl', descriptionSv: 'Kolsyrat, naturell.', descriptionEn: 'Sparkling, plain.', price: 2500, vatRate: 1200, barcode: ean('00011'), prepMinutes: 0, stock: { mode: 'untracked' } },
  { sku: 'DELI-KAFFEBONOR', category: 'Deli & Butik', nameSv: 'Kaffebönor husblandning 500 g', nameEn: 'House blend coffee beans 500 g', descriptionSv: 'Hela bönor, mellanrost. Samma som i våra koppar.', descriptionEn: 'Whole beans, medium roast. The same as in our cups.', price: 14900, vatRate: 1200, barcode: ean('00028'), prepMinutes: 0, stock: { mode: 'tracked', onHand: 20 } },
  { sku: 'DELI-HALLONSYLT', category: 'Deli & Butik', nameSv: 'Hallonsylt 250 g', nameEn: 'Raspberry jam 250 g', descriptionSv: 'Från en gård i Halland.', descriptionEn: 'From a farm in Halland.', price: 6900, vatRate: 1200, barcode: ean('00035'), prepMinutes: 0, stock: { mode: 'untracked' } },
  { sku: 'DELI-KNACKEBROD', category: 'Deli & Butik', nameSv: 'Surdegsknäcke', nameEn: 'Sourdough crispbread', descriptionSv: 'Bakat på råg, 300 g.', descriptionEn: 'Rye crispbread, 300 g.', price: 4900, vatRate: 1200, barcode: ean('00042'), prepMinutes: 0, channels: ['pos'], stock: { mode: 'untracked' } },
  { sku: 'BUTIK-MUGG', category: 'Deli & Butik', nameSv: 'Kassa-mugg i stengods', nameEn: 'Kassa stoneware mug', descriptionSv: 'Handgjord i Gustavsberg, 30 cl.', descriptionEn: 'Handmade in Gustavsberg, 30 cl.', price: 19900, vatRate: 2500, barcode: ean('00059'), prepMinutes: 0, stock: { mode: 'tracked', onHand: 12 } },
  { sku: 'BUTIK-TYGPASE', category: 'Deli & Butik', nameSv: 'Tygpåse', nameEn: 'Tote bag', descriptionSv: 'Ekologisk bomull med vår logga.', descriptionEn: 'Organic cotton with our logo.', price: 9900, vatRate: 2500, barcode: ean('00066'), prepMinutes: 0, stock: { mode: 'untracked' } },
];

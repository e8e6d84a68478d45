import type { Address, CitizenRecord } from '@kiosk/forms';
import { splitAddressText } from './address-text';

/**
 * The two chip card models in use:
 * - `cccd-2021`: thẻ căn cước công dân (Luật Căn cước công dân 2014), issued until 30 June 2024;
 *   it prints quê quán and nơi thường trú, and its QR is on the front, top right;
 * - `can-cuoc-2024`: thẻ căn cước (Luật Căn cước 2023, template of TT 16/2024/TT-BCA), issued
 *   from 1 July 2024; it prints nơi đăng ký khai sinh and nơi cư trú instead, on the back, where
 *   its QR also is.
 * A card's date of issue tells them apart on the chip (DG13), since the new law replaced the old
 * card on one day; the QR also says so by its field count (`parseCccdQr`).
 */
export type CardGeneration = 'cccd-2021' | 'can-cuoc-2024';

/** Luật Căn cước 2023 in force, TT 16/2024/TT-BCA's template in use. */
export const CAN_CUOC_FROM = '2024-07-01';

export function cardGenerationOf(dateOfIssue: string | undefined): CardGeneration {
  return dateOfIssue !== undefined && dateOfIssue >= CAN_CUOC_FROM ? 'can-cuoc-2024' : 'cccd-2021';
}

const split = (text: string | undefined): Address | undefined =>
  text !== undefined && text.trim() !== '' ? splitAddressText(text) : undefined;

/**
 * The two places a card prints, under the record fields they mean on that card: the 2021 card's
 * quê quán and nơi thường trú, the 2024 card's nơi đăng ký khai sinh and nơi cư trú (which may be
 * a temporary residence, so it never fills nơi thường trú).
 */
export function printedPlaces(
  generation: CardGeneration,
  places: { readonly first?: string; readonly second?: string },
): Pick<
  CitizenRecord,
  'placeOfOrigin' | 'permanentResidence' | 'birthRegistrationPlace' | 'residence'
> {
  const first = split(places.first);
  const second = split(places.second);
  return generation === 'can-cuoc-2024'
    ? { birthRegistrationPlace: first, residence: second }
    : { placeOfOrigin: first, permanentResidence: second };
}

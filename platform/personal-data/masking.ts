/**
 * How personal data is shown to anyone without the unmasking permission, and in logs: enough to recognise,
 * not enough to use. `410105********1234`, `138****5678`, `王**`, `金水区****`.
 */
import type { PersonalContact } from './contact';

export const maskIdNumber = (value: string) =>
  value.length === 18 ? `${value.slice(0, 6)}********${value.slice(-4)}` : '*'.repeat(value.length);

export const maskPhone = (value: string) => {
  const digits = value.replace(/\D/g, '');
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '*'.repeat(digits.length);
};

export const maskName = (value: string) => {
  const characters = [...value];
  return characters.length <= 1 ? '*' : `${characters[0]}${'*'.repeat(characters.length - 1)}`;
};

/** Keeps the district (the first three characters, e.g. 金水区), hides the rest. */
export const maskAddress = (value: string) => `${[...value].slice(0, 3).join('')}****`;

export function maskContact(contact: PersonalContact): PersonalContact {
  return {
    name: maskName(contact.name),
    phone: maskPhone(contact.phone),
    address: maskAddress(contact.address),
    ...(contact.idNumber ? { idNumber: maskIdNumber(contact.idNumber) } : {}),
  };
}

/** A certificate number: its first two and last two characters. */
export const maskCertificate = (value: string) =>
  value.length <= 4
    ? '*'.repeat(value.length)
    : `${value.slice(0, 2)}${'*'.repeat(value.length - 4)}${value.slice(-2)}`;

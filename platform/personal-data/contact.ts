/** A person's contact details: personal data, kept by the department that needs it, never sent to Temporal. */
export interface PersonalContact {
  name: string;
  phone: string;
  address: string;
  /** Identity card number (GB 11643), when given. */
  idNumber?: string;
}

/** Whether two contacts are the same person's same details (a repeated post, not a change). */
export const sameContact = (a: PersonalContact, b: PersonalContact): boolean =>
  a.name === b.name &&
  a.phone === b.phone &&
  a.address === b.address &&
  (a.idNumber ?? '') === (b.idNumber ?? '');

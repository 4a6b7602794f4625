// The parts of Microsoft Graph's resources that Lifeboat reads. Every other field is kept too:
// each converted item carries the original JSON (X-MS-GRAPH-JSON), so nothing is lost.
// https://learn.microsoft.com/en-us/graph/api/resources/contact
// https://learn.microsoft.com/en-us/graph/api/resources/event

export interface GraphAddress {
  street?: string | null;
  city?: string | null;
  state?: string | null;
  countryOrRegion?: string | null;
  postalCode?: string | null;
}

export interface GraphContact {
  id: string;
  displayName?: string | null;
  givenName?: string | null;
  middleName?: string | null;
  surname?: string | null;
  title?: string | null;
  generation?: string | null;
  nickName?: string | null;
  companyName?: string | null;
  department?: string | null;
  jobTitle?: string | null;
  profession?: string | null;
  birthday?: string | null;
  personalNotes?: string | null;
  emailAddresses?: Array<{ name?: string | null; address?: string | null }>;
  businessPhones?: string[];
  homePhones?: string[];
  mobilePhone?: string | null;
  imAddresses?: string[];
  homeAddress?: GraphAddress;
  businessAddress?: GraphAddress;
  otherAddress?: GraphAddress;
  businessHomePage?: string | null;
  categories?: string[];
  lastModifiedDateTime?: string;
  changeKey?: string;
  [field: string]: unknown;
}

/** A delta page's entry for an item deleted since the last round (Graph delta query). */
export interface GraphRemoved {
  id: string;
  '@removed': { reason: 'changed' | 'deleted' };
}

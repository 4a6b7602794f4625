// Fields derived from a vCard for listing and search. The original text stays the source of
// truth: these are recomputed from it and never written back.
export interface CardFields {
  uid: string | null;
  fullName: string;
  emails: string[];
  phones: string[];
}

/** The part of node-vcf (`vcf`, no bundled types) the independent-reader test uses. */
declare module 'vcf' {
  interface Property {
    valueOf(): string;
  }
  interface VCard {
    version: string;
    get(key: string): Property | Property[] | undefined;
  }
  const vCard: { parse(text: string): VCard[] };
  export default vCard;
}

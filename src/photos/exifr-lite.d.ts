// exifr's "lite" build (JPEG, HEIC, TIFF; EXIF and GPS): no dynamic import(), which a service
// worker may not run. Its types are the package's own.
declare module 'exifr/dist/lite.esm.mjs' {
  export * from 'exifr';
  export { default } from 'exifr';
}

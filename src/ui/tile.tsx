// A large choice button with a name and a line under it: the setup's providers are seen at
// once rather than hidden in a drop-down.
interface Props {
  name: string;
  detail?: string;
  onChoose: () => void;
}

export function Tile({ name, detail, onChoose }: Props) {
  return (
    <button type="button" class="tile" onClick={onChoose}>
      <span class="tile-name">{name}</span>
      {detail && <span class="tile-detail">{detail}</span>}
    </button>
  );
}

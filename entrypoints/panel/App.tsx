export function App() {
  return <main className="p-4 text-sm text-slate-800">Sightline</main>;
}

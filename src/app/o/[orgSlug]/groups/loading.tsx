export default function GroupsLoading() {
  return (
    <div aria-busy="true" aria-label="Loading board groups">
      <div className="mb-6 h-8 w-56 animate-pulse rounded bg-slate-100 dark:bg-slate-800/70" />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-48 animate-pulse rounded-xl bg-slate-100 dark:bg-slate-800/70" />
        ))}
      </div>
    </div>
  );
}

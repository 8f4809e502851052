import { registerStrings } from "~/platform/i18n/i18n";

// The spaces capability's strings. English and Vietnamese with the same keys, registered on import
// (app/strings.ts).
const en = {
  spaces: {
    title: "Rooms, desks and labs",
    none: "This organisation lists no spaces.",
    capacity_one: "{{count}} person",
    capacity_other: "{{count}} people",
    free: "free for members",
    perHour: "{{price}} per hour",
    kinds: { meeting_room: "Meeting room", hot_desk: "Hot desk", lab: "Lab", hall: "Hall", equipment: "Equipment" },
  },
};

const vi: typeof en = {
  spaces: {
    title: "Phòng họp, chỗ ngồi và phòng thí nghiệm",
    none: "Tổ chức này chưa có không gian nào.",
    capacity_one: "{{count}} người",
    capacity_other: "{{count}} người",
    free: "miễn phí cho thành viên",
    perHour: "{{price}} mỗi giờ",
    kinds: { meeting_room: "Phòng họp", hot_desk: "Chỗ ngồi linh hoạt", lab: "Phòng thí nghiệm", hall: "Hội trường", equipment: "Thiết bị" },
  },
};

export const spaceStrings = { en, vi };

registerStrings(spaceStrings);

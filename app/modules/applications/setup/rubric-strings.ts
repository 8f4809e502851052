// Strings of the call's rubric builder (setup.*), English and Vietnamese with the same keys.
// Registered as part of setupStrings (./strings.ts).
const en = {
  rubric: {
    title: "Rubric",
    lead: "The rubric is used in the review round (stages: screening → review → interview → decision). Reviewers score each criterion on its levels; the weighted total is on a 0–100 scale.",
    none: "No criteria yet. Add the first one below.",
    add: "Add criterion",
    editTitle: "Edit criterion",
    weightShare: "Weight {{weight}} ({{percent}}% of total)",
    levels: "Levels 1–{{max}}",
    commentRequired: "Comment required",
    commentOptional: "Comment optional",
    scores_one: "{{count}} score given",
    scores: "{{count}} scores given",
    fields: {
      nameVi: "Criterion (Vietnamese)",
      nameEn: "Criterion (English)",
      descriptionVi: "Description (Vietnamese)",
      descriptionEn: "Description (English)",
      weight: "Weight (greater than 0, up to 100)",
      maxLevel: "Highest level (2–10)",
      commentRequired: "Reviewers must comment on this criterion",
      levels: "What each level means",
      levelsHint: "Describe the levels in one or both languages (given in one, a description reads the same in the other); leave a level empty to give it no description.",
      levelVi: "Level {{n}} (Vietnamese)",
      levelEn: "Level {{n}} (English)",
    },
  },
};

const vi: typeof en = {
  rubric: {
    title: "Tiêu chí chấm",
    lead: "Bộ tiêu chí dùng ở vòng chấm điểm (các giai đoạn: sàng lọc → chấm điểm → phỏng vấn → quyết định). Người chấm cho điểm từng tiêu chí theo các mức; tổng có trọng số tính trên thang 0–100.",
    none: "Chưa có tiêu chí. Hãy thêm tiêu chí đầu tiên bên dưới.",
    add: "Thêm tiêu chí",
    editTitle: "Sửa tiêu chí",
    weightShare: "Trọng số {{weight}} ({{percent}}% tổng)",
    levels: "Mức 1–{{max}}",
    commentRequired: "Bắt buộc nhận xét",
    commentOptional: "Nhận xét không bắt buộc",
    scores_one: "{{count}} lượt chấm",
    scores: "{{count}} lượt chấm",
    fields: {
      nameVi: "Tiêu chí (tiếng Việt)",
      nameEn: "Tiêu chí (tiếng Anh)",
      descriptionVi: "Mô tả (tiếng Việt)",
      descriptionEn: "Mô tả (tiếng Anh)",
      weight: "Trọng số (lớn hơn 0, tối đa 100)",
      maxLevel: "Mức cao nhất (2–10)",
      commentRequired: "Người chấm phải nhận xét tiêu chí này",
      levels: "Ý nghĩa của từng mức",
      levelsHint: "Mô tả các mức bằng một hoặc hai ngôn ngữ (nhập một ngôn ngữ thì ngôn ngữ kia dùng cùng nội dung); để trống nếu không cần mô tả mức đó.",
      levelVi: "Mức {{n}} (tiếng Việt)",
      levelEn: "Mức {{n}} (tiếng Anh)",
    },
  },
};

export const rubricStrings = { en, vi };
